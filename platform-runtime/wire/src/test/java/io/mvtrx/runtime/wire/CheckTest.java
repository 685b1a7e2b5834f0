package io.mvtrx.runtime.wire;

import java.util.Optional;

import io.grpc.Status;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CheckTest {

    @Test
    void namesTrailersInLowerCaseWithDashesAndReadsThemBack() {
        assertThat(Check.BODY_HASH.trailerValue()).isEqualTo("body-hash");
        for (Check check : Check.values()) {
            assertThat(Check.ofTrailer(check.trailerValue())).contains(check);
        }
        assertThat(Check.ofTrailer("bogus")).isEqualTo(Optional.empty());
    }

    @Test
    void answersTheDocumentedStatusCodes() {
        assertThat(Check.SIZE.code()).isEqualTo(Status.Code.RESOURCE_EXHAUSTED);
        assertThat(Check.RECEIVER.code()).isEqualTo(Status.Code.INVALID_ARGUMENT);
        assertThat(Check.REGISTRATION.code()).isEqualTo(Status.Code.PERMISSION_DENIED);
        assertThat(Check.PERMIT.code()).isEqualTo(Status.Code.PERMISSION_DENIED);
        assertThat(Check.METAGRAPH.code()).isEqualTo(Status.Code.UNAVAILABLE);
        for (Check check : new Check[] {Check.ENVELOPE, Check.BODY_HASH, Check.SIGNATURE, Check.NONCE_WINDOW,
                Check.REPLAY}) {
            assertThat(check.code()).isEqualTo(Status.Code.UNAUTHENTICATED);
        }
    }
}
