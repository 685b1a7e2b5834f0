package io.mvtrx.runtime.bittensor.axon.payload;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.mvtrx.api.gentrx.BucketAccess;
import io.mvtrx.api.gentrx.TrainingAssignment;

/**
 * A {@code GenTRXAssignment} synapse (protocol.md §3.7, gentrx.md): the training slice a validator assigns to a miner
 * for one round. Field names in the JSON are the record components in snake case.
 *
 * @param round         GenTRX round
 * @param modelVersion  model version to train from
 * @param books         assigned book ids, as strings
 * @param tsStart       window start, simulation ns
 * @param tsEnd         window end, simulation ns
 * @param data          object keys of the data pages
 * @param dataSource    "s3" or "local"
 * @param dataEndpoint  storage endpoint
 * @param dataBucket    bucket
 * @param dataAccessKey read key id
 * @param dataSecretKey read secret
 * @param validatorUid  the assigning validator
 * @param advice        free-form hints; not covered by the body hash
 */
public record GenTrxAssignment(long round, long modelVersion, List<String> books, long tsStart, long tsEnd,
                               List<String> data, String dataSource, String dataEndpoint, String dataBucket,
                               String dataAccessKey, String dataSecretKey, long validatorUid,
                               Map<String, Object> advice) {

    public GenTrxAssignment {
        books = List.copyOf(books);
        data = List.copyOf(data);
        advice = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(advice));
    }

    /** The synapse's own fields as pydantic dumps them. */
    public Map<String, Object> fields() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("round", round);
        m.put("model_version", modelVersion);
        m.put("books", new ArrayList<>(books));
        m.put("ts_start", tsStart);
        m.put("ts_end", tsEnd);
        m.put("data", new ArrayList<>(data));
        m.put("data_source", dataSource);
        m.put("data_endpoint", dataEndpoint);
        m.put("data_bucket", dataBucket);
        m.put("data_access_key", dataAccessKey);
        m.put("data_secret_key", dataSecretKey);
        m.put("validator_uid", validatorUid);
        m.put("advice", new LinkedHashMap<>(advice));
        return m;
    }

    /** The synapse for an assignment; advice values travel as text. */
    public static GenTrxAssignment of(TrainingAssignment assignment) {
        BucketAccess data = assignment.data();
        return new GenTrxAssignment(assignment.round(), assignment.modelVersion(), assignment.books(),
                assignment.tsStartNs(), assignment.tsEndNs(), assignment.dataKeys(), data.source(), data.endpoint(),
                data.bucket(), data.accessKey(), data.secretKey(), assignment.validatorUid(),
                new LinkedHashMap<String, Object>(assignment.advice()));
    }

    /**
     * The assignment as a trading agent receives it. The synapse carries no shard prefix (0.5.4), so the keys are
     * taken as they are; advice values become their text.
     */
    public TrainingAssignment toTrainingAssignment() {
        Map<String, String> hints = new LinkedHashMap<>();
        advice.forEach((key, value) -> hints.put(key, String.valueOf(value)));
        return new TrainingAssignment(round, modelVersion, books, tsStart, Math.max(tsStart, tsEnd), data,
                new BucketAccess(dataSource, dataEndpoint, dataBucket, dataAccessKey, dataSecretKey),
                Math.toIntExact(validatorUid), "", hints);
    }

    /**
     * Reads the assignment from a synapse body; absent fields take the class defaults (0, "", empty).
     *
     * @throws PayloadException naming a field of the wrong type
     */
    public static GenTrxAssignment from(Map<?, ?> body) {
        String p = "GenTRXAssignment";
        Map<String, Object> advice = new LinkedHashMap<>();
        Object a = body.get("advice");
        if (a != null) {
            Fields.map(a, p + ".advice").forEach((k, v) -> advice.put(String.valueOf(k), v));
        }
        return new GenTrxAssignment(Fields.integer(body, "round", 0, p), Fields.integer(body, "model_version", 0, p),
                strings(body, "books", p), Fields.integer(body, "ts_start", 0, p), Fields.integer(body, "ts_end", 0, p),
                strings(body, "data", p), Fields.string(body, "data_source", "", p),
                Fields.string(body, "data_endpoint", "", p), Fields.string(body, "data_bucket", "", p),
                Fields.string(body, "data_access_key", "", p), Fields.string(body, "data_secret_key", "", p),
                Fields.integer(body, "validator_uid", 0, p), advice);
    }

    private static List<String> strings(Map<?, ?> body, String key, String path) {
        Object v = body.get(key);
        if (v == null) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        for (Object item : Fields.list(v, path + "." + key)) {
            if (!(item instanceof String s)) {
                throw new PayloadException("%s.%s holds %s, not a string", path, key, item);
            }
            out.add(s);
        }
        return out;
    }
}
