package io.accessgov.dynamics.simulator;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * Switches for the behaviours the reference marks as inferred or conflicting ([I]/[C]), and the service-protection
 * limits. Thread-safe; tests may flip a switch while the simulator runs. Defaults follow the reference.
 */
public final class Behaviour {

    /** What {@code $top} does when {@code Prefer: odata.maxpagesize} is also sent (docs/dataverse.md §7.1, [C]). */
    public enum TopWithMaxPageSize {
        /** {@code $top} is ignored and the result is paged (2024 documentation, observed by third parties). */
        TOP_IGNORED,
        /** {@code $top} wins: at most that many rows, no paging (2021 documentation). */
        TOP_WINS
    }

    /** The answer to associating a link that already exists (docs/dataverse.md §6.4). */
    public enum DuplicateLink {
        /** 412 with 0x80040237 (default). */
        REJECT,
        /** 204 and nothing changes. */
        IGNORE
    }

    /** The answer to removing a link that does not exist (docs/dataverse.md §6.4). */
    public enum MissingLink {
        /** 204 and nothing changes (default). */
        IGNORE,
        /** 404 with 0x80040217. */
        REJECT
    }

    /** The answer to {@code Prefer: odata.track-changes} on a table without change tracking (docs/dataverse.md §12). */
    public enum UntrackedTable {
        /**
         * 400 with 0x80072491 "Entity &lt;name&gt; isn't enabled for change tracking." (default; Dataverse's error
         * list has the code, and an intersect of untracked tables answers 0x80072492).
         */
        REFUSE,
        /** The preference is ignored: the rows without {@code Preference-Applied} or a delta link. */
        IGNORE_PREFERENCE
    }

    /** The id a {@code $deletedEntity} entry of a link table carries (docs/dataverse.md §17, inferred). */
    public enum LinkDeletionId {
        /** The link row's own id ({@code systemuserroleid}, {@code teammembershipid} …): default. */
        LINK_ROW,
        /**
         * The id of the first record the link joined (the user, or the team for team roles and profiles, the role
         * for role privileges), so a client can be tested against deletions of ids it never read as link rows.
         */
        FIRST_RECORD
    }

    private volatile boolean olderPlatform;
    private volatile LinkDeletionId linkDeletionId = LinkDeletionId.LINK_ROW;
    private volatile boolean rolePrivilegesOnCopies;
    private volatile boolean activityPrivilegesOnActivityTables;
    private final Map<String, Boolean> changeTracking = new ConcurrentHashMap<>();
    private volatile UntrackedTable untrackedTable = UntrackedTable.REFUSE;
    private volatile Duration deltaTokenLifetime = Duration.ofDays(7);
    private volatile int deletionsKeptPerTable = 100_000;
    private volatile boolean guidRangeFilters = true;
    private volatile TopWithMaxPageSize topWithMaxPageSize = TopWithMaxPageSize.TOP_IGNORED;
    private volatile boolean ownershipAcrossBusinessUnits;
    private volatile DuplicateLink duplicateLink = DuplicateLink.REJECT;
    private volatile MissingLink missingLink = MissingLink.IGNORE;
    private volatile @Nullable String entraTeamMembershipCode = "0x80040208";
    private volatile boolean roleAssignmentOnDisabledUsers;
    private volatile boolean privilegeDenied;
    private volatile boolean groupTeamsNeedInheritableRoles;
    private volatile boolean retryAfterAsHttpDate;
    private volatile int requestLimit = 6000;
    private volatile Duration requestWindow = Duration.ofSeconds(300);
    private volatile int concurrencyLimit = 52;
    private volatile long executionTimeLimitMillis = 1_200_000;
    private volatile int dopHint = 4;

    /**
     * Whether the optional columns (applicationid, azurestate, isautoassigned, isinherited, membershiptype) are
     * missing, as on older platform versions.
     */
    public boolean olderPlatform() {
        return olderPlatform;
    }

    public Behaviour olderPlatform(boolean value) {
        this.olderPlatform = value;
        return this;
    }

    /**
     * Whether {@code roleprivilegescollection} also lists the privileges of the roles' business-unit copies (one row
     * per copy, privilege and depth, like the root's). Off by default: privileges belong to the root role and
     * Dataverse's own queries join on it; whether rows on copies exist is inferred (docs/dataverse.md §14).
     */
    public boolean rolePrivilegesOnCopies() {
        return rolePrivilegesOnCopies;
    }

    public Behaviour rolePrivilegesOnCopies(boolean value) {
        this.rolePrivilegesOnCopies = value;
        return this;
    }

    /**
     * Whether the metadata of the activity tables (email, task, phonecall, appointment) lists the activity
     * privileges ({@code prvReadActivity} …) as their own. Off by default: only {@code activitypointer} lists them
     * (docs/dataverse.md §14); the activity types are documented to share them, but whether their metadata repeats
     * them is inferred.
     */
    public boolean activityPrivilegesOnActivityTables() {
        return activityPrivilegesOnActivityTables;
    }

    public Behaviour activityPrivilegesOnActivityTables(boolean value) {
        this.activityPrivilegesOnActivityTables = value;
        return this;
    }

    /**
     * Switches change tracking of a table (by logical name, e.g. {@code teamroles}) on or off; the metadata's
     * {@code ChangeTrackingEnabled} follows. Defaults: on for systemuser, team, role, businessunit, systemuserroles,
     * teammembership, teamroles and roleprivileges (as one real organisation's metadata shows), account, contact,
     * lead and opportunity; off for the others.
     */
    public Behaviour changeTracking(String logicalName, boolean enabled) {
        changeTracking.put(logicalName, enabled);
        return this;
    }

    /** The switch for one table, or null when its default applies. */
    public @Nullable Boolean changeTracking(String logicalName) {
        return changeTracking.get(logicalName);
    }

    public LinkDeletionId linkDeletionId() {
        return linkDeletionId;
    }

    public Behaviour linkDeletionId(LinkDeletionId value) {
        this.linkDeletionId = value;
        return this;
    }

    public UntrackedTable untrackedTable() {
        return untrackedTable;
    }

    public Behaviour untrackedTable(UntrackedTable value) {
        this.untrackedTable = value;
        return this;
    }

    /**
     * How long a delta token stays valid ({@code organization.expirechangetrackingindays}); older tokens answer 400
     * 0x80044352. Default 7 days, as documented; 30 and 90 have been seen (docs/dataverse.md §17).
     */
    public Duration deltaTokenLifetime() {
        return deltaTokenLifetime;
    }

    public Behaviour deltaTokenLifetime(Duration value) {
        if (value.isNegative()) {
            throw new IllegalArgumentException("deltaTokenLifetime must not be negative");
        }
        this.deltaTokenLifetime = value;
        return this;
    }

    /**
     * How many deletions each table remembers for change tracking (default 100,000). Beyond it the oldest are
     * forgotten and the delta tokens that would need them expire, so memory stays bounded and no deletion is missed.
     */
    public int deletionsKeptPerTable() {
        return deletionsKeptPerTable;
    }

    public Behaviour deletionsKeptPerTable(int value) {
        if (value < 0) {
            throw new IllegalArgumentException("deletionsKeptPerTable must not be negative");
        }
        this.deletionsKeptPerTable = value;
        return this;
    }

    /**
     * Whether {@code $filter} may compare GUIDs with {@code gt}, {@code ge}, {@code lt} and {@code le}, which a full
     * sync uses to read a large table in parts. The documented operators apply to every type, but GUID ranges are not
     * shown anywhere ([I]); off, such a filter is refused with 400 0x80060888.
     */
    public boolean guidRangeFilters() {
        return guidRangeFilters;
    }

    public Behaviour guidRangeFilters(boolean value) {
        this.guidRangeFilters = value;
        return this;
    }

    public TopWithMaxPageSize topWithMaxPageSize() {
        return topWithMaxPageSize;
    }

    public Behaviour topWithMaxPageSize(TopWithMaxPageSize value) {
        this.topWithMaxPageSize = value;
        return this;
    }

    /** The {@code EnableOwnershipAcrossBusinessUnits} setting: role copies of other units may be assigned. */
    public boolean ownershipAcrossBusinessUnits() {
        return ownershipAcrossBusinessUnits;
    }

    public Behaviour ownershipAcrossBusinessUnits(boolean value) {
        this.ownershipAcrossBusinessUnits = value;
        return this;
    }

    public DuplicateLink duplicateLink() {
        return duplicateLink;
    }

    public Behaviour duplicateLink(DuplicateLink value) {
        this.duplicateLink = value;
        return this;
    }

    public MissingLink missingLink() {
        return missingLink;
    }

    public Behaviour missingLink(MissingLink value) {
        this.missingLink = value;
        return this;
    }

    /** The error code for a manual membership change on an Entra-group team; null allows the change. */
    public @Nullable String entraTeamMembershipCode() {
        return entraTeamMembershipCode;
    }

    public Behaviour entraTeamMembershipCode(@Nullable String value) {
        this.entraTeamMembershipCode = value;
        return this;
    }

    /** The {@code allowRoleAssignmentOnDisabledUsers} setting; off means 0x80048d35 for disabled users. */
    public boolean roleAssignmentOnDisabledUsers() {
        return roleAssignmentOnDisabledUsers;
    }

    public Behaviour roleAssignmentOnDisabledUsers(boolean value) {
        this.roleAssignmentOnDisabledUsers = value;
        return this;
    }

    /**
     * When on, a role with {@code isinherited = 0} ("Team privileges only") cannot be given to an Entra group team
     * (0x80048350). Off by default: the reference finds the sources in conflict on this check.
     */
    public boolean groupTeamsNeedInheritableRoles() {
        return groupTeamsNeedInheritableRoles;
    }

    public Behaviour groupTeamsNeedInheritableRoles(boolean value) {
        this.groupTeamsNeedInheritableRoles = value;
        return this;
    }

    /** When on, every write answers 403 0x80040220 (the caller lacks prvAssignRole / prvWriteTeam). */
    public boolean privilegeDenied() {
        return privilegeDenied;
    }

    public Behaviour privilegeDenied(boolean value) {
        this.privilegeDenied = value;
        return this;
    }

    /** Whether 429 answers carry {@code Retry-After} as an HTTP date instead of seconds. */
    public boolean retryAfterAsHttpDate() {
        return retryAfterAsHttpDate;
    }

    public Behaviour retryAfterAsHttpDate(boolean value) {
        this.retryAfterAsHttpDate = value;
        return this;
    }

    public int requestLimit() {
        return requestLimit;
    }

    /** Requests allowed per client within {@link #requestWindow()} (Dataverse: 6000 per 300 s). */
    public Behaviour requestLimit(int value) {
        this.requestLimit = value;
        return this;
    }

    public Duration requestWindow() {
        return requestWindow;
    }

    public Behaviour requestWindow(Duration value) {
        this.requestWindow = value;
        return this;
    }

    public int concurrencyLimit() {
        return concurrencyLimit;
    }

    /** Concurrent requests allowed per client (Dataverse: 52). */
    public Behaviour concurrencyLimit(int value) {
        this.concurrencyLimit = value;
        return this;
    }

    public long executionTimeLimitMillis() {
        return executionTimeLimitMillis;
    }

    /** Combined execution time allowed per client within the window (Dataverse: 1,200,000 ms per 300 s). */
    public Behaviour executionTimeLimitMillis(long value) {
        this.executionTimeLimitMillis = value;
        return this;
    }

    public int dopHint() {
        return dopHint;
    }

    /** The value of the {@code x-ms-dop-hint} header. */
    public Behaviour dopHint(int value) {
        this.dopHint = value;
        return this;
    }
}
