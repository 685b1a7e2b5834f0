package io.mvtrx.runtime.gentrx.server.http;

import java.util.Optional;

/** A miner's static bucket as {@code POST /register_bucket/{uid}} carries it (gentrx.md §2.1). */
public record BucketCredentials(String endpointUrl, String bucketName, String accessKeyId, String secretAccessKey,
                                Optional<String> accountId) {

    @Override
    public String toString() {
        return "BucketCredentials[" + endpointUrl + ", " + bucketName + ", key id " + accessKeyId + "]";
    }
}
