package io.accessgov.dynamics.account;

/** Whether an account may sign in ({@code isdisabled} in Dataverse). */
public enum AccountStatus {
    ENABLED,
    DISABLED
}
