/**
 * The questions asked across every environment at once (docs/api.md §9): every account of one person, and every
 * holder of a role of one name. Reads each environment through the same features' rules as its own paths, all
 * environments concurrently; one that cannot be read is reported inside the answer.
 */
@NullMarked
package io.accessgov.dynamics.identity;

import org.jspecify.annotations.NullMarked;
