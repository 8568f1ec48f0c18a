package io.backroom.sdk;

import io.backroom.api.model.TolerancePolicy;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/** The matching tolerance policy. Get it from {@link BackroomClient#policies()}. */
public interface PoliciesService {
    /** {@code GET /api/v1/policies/tolerances}. */
    TolerancePolicy tolerances(RequestOptions options);

    /** {@link #tolerances(RequestOptions)} with the client's options. */
    default TolerancePolicy tolerances() {
        return tolerances(RequestOptions.NONE);
    }

    /**
     * {@code PUT /api/v1/policies/tolerances} (admins only). The policy's {@code version} is sent as
     * {@code If-Match}: if someone changed the policy since it was read, the call fails with
     * {@link PreconditionFailedException} and nothing is overwritten.
     *
     * @return the stored policy, with its new version
     */
    TolerancePolicy updateTolerances(TolerancePolicy policy, RequestOptions options);

    /** {@link #updateTolerances(TolerancePolicy, RequestOptions)} with the client's options. */
    default TolerancePolicy updateTolerances(TolerancePolicy policy) {
        return updateTolerances(policy, RequestOptions.NONE);
    }

    /** Where this service's {@code ...Async} variants run: the client's async executor. */
    Executor asyncExecutor();

    /** {@link #tolerances()} on the client's async executor; the future fails with the call's {@link BackroomException}. */
    default CompletableFuture<TolerancePolicy> tolerancesAsync() {
        return CompletableFuture.supplyAsync(() -> tolerances(), asyncExecutor());
    }

    /** {@link #updateTolerances(TolerancePolicy)} on the client's async executor; the future fails with the call's {@link BackroomException}. */
    default CompletableFuture<TolerancePolicy> updateTolerancesAsync(TolerancePolicy policy) {
        return CompletableFuture.supplyAsync(() -> updateTolerances(policy), asyncExecutor());
    }
}
