package io.accessgov.dynamics.security;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Turns the refused start-up into Spring Boot's short "APPLICATION FAILED TO START" report, without a stack trace. */
class NoCallerAuthenticationConfiguredFailureAnalyzer
        extends AbstractFailureAnalyzer<NoCallerAuthenticationConfigured> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, NoCallerAuthenticationConfigured cause) {
        return new FailureAnalysis(
                NoCallerAuthenticationConfigured.EXPLANATION, NoCallerAuthenticationConfigured.ACTION, cause);
    }
}
