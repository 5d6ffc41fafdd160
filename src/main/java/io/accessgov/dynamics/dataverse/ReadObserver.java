package io.accessgov.dynamics.dataverse;

import java.time.Duration;

/**
 * Told what a full read costs while it runs: every HTTP exchange with Dataverse (retries included) and every wait
 * Dataverse imposed by throttling. Called on the reading thread; must be quick and must not throw.
 */
public interface ReadObserver {

    /** One HTTP exchange with Dataverse was made (whatever its answer). */
    void exchanged();

    /** The read waited this long before retrying a request Dataverse throttled (429). */
    void throttled(Duration waited);
}
