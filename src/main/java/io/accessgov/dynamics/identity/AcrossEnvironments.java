package io.accessgov.dynamics.identity;

import io.accessgov.dynamics.dataverse.DataverseAccessDenied;
import io.accessgov.dynamics.dataverse.DataverseThrottled;
import io.accessgov.dynamics.dataverse.DataverseTimedOut;
import io.accessgov.dynamics.dataverse.DataverseUnavailable;
import io.accessgov.dynamics.dataverse.SignInFailed;
import io.accessgov.dynamics.environment.Environment;
import io.accessgov.dynamics.environment.Environments;
import io.accessgov.dynamics.web.Problems;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Predicate;
import lombok.extern.slf4j.Slf4j;
import org.jspecify.annotations.Nullable;
import org.slf4j.MDC;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;

/**
 * Asks every environment the same question at once (docs/api.md §9), so that the answer takes about as long as the
 * slowest environment, not the sum of all. An environment that cannot be read (down, timing out, throttled past its
 * retry budget, refusing the service's credentials or privileges) gives its problem instead of an answer; the others
 * are unaffected, since each environment has its own client, concurrency bound and throttling state.
 */
@Slf4j
@Component
class AcrossEnvironments implements DisposableBean {

    /** Threads reading environments for all callers together; beyond it the caller's own thread reads. */
    private static final int MAX_THREADS = 64;

    private final Environments environments;
    private final ThreadPoolExecutor readers;

    AcrossEnvironments(Environments environments) {
        this.environments = environments;
        AtomicInteger count = new AtomicInteger();
        this.readers = new ThreadPoolExecutor(
                0,
                MAX_THREADS,
                30,
                TimeUnit.SECONDS,
                new SynchronousQueue<>(),
                task -> {
                    Thread thread = new Thread(task, "across-environments-" + count.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                },
                new ThreadPoolExecutor.CallerRunsPolicy());
    }

    /** One environment's answer, or the problem that kept it from answering. */
    record Answer<T>(
            Environment environment,
            @Nullable T value,
            @Nullable Map<String, Object> problem) {

        boolean answered() {
            return problem == null;
        }
    }

    /**
     * The question's answer from every environment, in environment name order. Only an environment that cannot be
     * reached or refuses the service becomes a problem answer; any other failure (a malformed request, a fault of the
     * service) fails the whole call.
     */
    <T> List<Answer<T>> ask(Function<Environment, T> question) {
        return ask(environment -> true, question);
    }

    /** {@link #ask(Function)} of the environments {@code which} selects. */
    <T> List<Answer<T>> ask(Predicate<Environment> which, Function<Environment, T> question) {
        Map<String, String> logContext = MDC.getCopyOfContextMap();
        List<CompletableFuture<Answer<T>>> pending = new ArrayList<>();
        for (Environment environment : environments.all()) {
            if (!which.test(environment)) {
                continue;
            }
            pending.add(CompletableFuture.supplyAsync(() -> answer(environment, question, logContext), readers));
        }
        List<Answer<T>> answers = new ArrayList<>(pending.size());
        for (CompletableFuture<Answer<T>> answer : pending) {
            try {
                answers.add(answer.join());
            } catch (CompletionException failure) {
                if (failure.getCause() instanceof RuntimeException cause) {
                    throw cause;
                }
                throw failure;
            }
        }
        return answers;
    }

    private static <T> Answer<T> answer(
            Environment environment, Function<Environment, T> question, @Nullable Map<String, String> logContext) {
        Map<String, String> previous = MDC.getCopyOfContextMap();
        if (logContext != null) {
            MDC.setContextMap(logContext);
        }
        MDC.put(Environment.MDC_KEY, environment.name());
        try {
            return new Answer<>(environment, question.apply(environment), null);
        } catch (DataverseThrottled
                | DataverseUnavailable
                | DataverseTimedOut
                | SignInFailed
                | DataverseAccessDenied unreachable) {
            // the environment cannot be read now; any other failure is the service's own fault and is not hidden
            log.warn(
                    "Environment '{}' could not be read for a question across environments: {}",
                    environment.name(),
                    unreachable.getMessage());
            ProblemDetail problem = Problems.ofDataverseFailure(unreachable);
            problem.setProperty("environment", environment.name());
            return new Answer<>(environment, null, Problems.asJson(problem));
        } finally {
            if (previous == null) {
                MDC.clear();
            } else {
                MDC.setContextMap(previous);
            }
        }
    }

    @Override
    public void destroy() {
        readers.shutdownNow();
    }
}
