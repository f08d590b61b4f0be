/**
 * What happened to a dossier, as CDI events fired inside the transaction that made it happen.
 * Observers that must not lose an event (notifications, documents) observe synchronously with
 * plain {@code @Observes}: they run in that transaction, so whatever they write (an outbox row, a
 * job) commits with the change or not at all. They must be quick and must not call out.
 */
package vn.lienthong.gateway.application.event;
