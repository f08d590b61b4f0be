package vn.lienthong.gateway.routes;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.DoubleSupplier;

import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.AdviceWith;
import org.apache.camel.model.ToDynamicDefinition;

import vn.lienthong.gateway.domain.dossier.DossierCode;
import vn.lienthong.gateway.domain.exchange.AgencyMessage;
import vn.lienthong.gateway.domain.exchange.AgencyResult;
import vn.lienthong.gateway.domain.exchange.Connector;
import vn.lienthong.gateway.domain.exchange.ConnectorDirectory;
import vn.lienthong.gateway.domain.exchange.ExchangeStatus;
import vn.lienthong.gateway.domain.exchange.Outbox;
import vn.lienthong.gateway.domain.exchange.RetrySchedule;
import vn.lienthong.gateway.domain.messagelog.MessageLog;
import vn.lienthong.gateway.infrastructure.agency.AgencyAddresses;
import vn.lienthong.gateway.infrastructure.agency.AgencyCredentials;
import vn.lienthong.gateway.infrastructure.agency.AgencyTls;
import vn.lienthong.gateway.infrastructure.messagelog.TestMessageLogs;

/** Stand-ins for the CDI beans around the routes, so route tests run without a container. */
final class AgencyTestFixtures {

    /**
     * The agency delivery routes as CDI wires them: the error policy, the delivery routes with their
     * circuit breakers, and the adapter route template with a route per connector. A test changes
     * the fields it needs (a TLS setup, a broken message log, its own connectors or mappers), then
     * hands {@link #builders} to Camel.
     */
    static final class AgencyRoutes {
        final RecordingOutcomes outcomes = new RecordingOutcomes();
        ConnectorDirectory connectors = connectors();
        AgencyAddresses addresses = addresses();
        AgencyCredentials credentials = noCredentials();
        /** The fixture's agencies are plain http: no TLS options, no configuration read. */
        AgencyTls tls = new AgencyTls();
        MessageLogSteps messageLog = messageLogSteps();
        /** The mapper beans by name, bound in Camel's registry as CDI's {@code @Named} beans would be. */
        final Map<String, AgencyMapper> mappers = new HashMap<>(Map.of(
                "civil-status", new CivilStatusMessages(),
                "social-insurance", new SocialInsuranceMessages(),
                "residence", new ResidenceMessages(),
                "land-registry", new LandRegistryMessages()));
        AgencyBreakers breakers = new AgencyBreakers();

        RoutesBuilder[] builders(CamelContext context) {
            mappers.forEach((name, mapper) -> context.getRegistry().bind(name, mapper));
            AgencyErrorPolicy policy = new AgencyErrorPolicy();
            policy.outcomes = outcomes;
            DeliveryRoutes delivery = new DeliveryRoutes();
            delivery.outcomes = outcomes;
            delivery.breakers = breakers;
            delivery.connectors = connectors;
            AgencyAdapters adapters = new AgencyAdapters();
            adapters.connectors = connectors;
            adapters.addresses = addresses;
            adapters.credentials = credentials;
            adapters.tls = tls;
            adapters.messageLog = messageLog;
            return new RoutesBuilder[] {policy, delivery, adapters};
        }
    }

    /** Before the context starts: the agency's HTTP call (the adapter's one toD) goes to {@code mock} instead. */
    static void replaceCall(CamelContext context, String agencyId, String mock) throws Exception {
        AdviceWith.adviceWith(context, "adapter-" + agencyId,
                a -> a.weaveByType(ToDynamicDefinition.class).replace().to(mock));
    }

    private AgencyTestFixtures() {
    }

    static final String PAYLOAD = "{\"dossierCode\":\"H15.50.05.13-261008-0975\",\"procedureCode\":\"1.000240\","
            + "\"receivingAgency\":\"H15.50.05.13\",\"applicant\":{\"fullName\":\"Nguyễn Thị Diệu\","
            + "\"citizenId\":\"001190012345\"},\"formData\":{\"tenTre\":\"Nguyễn Văn An\"}}";

    static AgencyMessage message(String agencyId, String operation) {
        OffsetDateTime now = OffsetDateTime.now();
        return new AgencyMessage(1, "msg-" + System.nanoTime(), new DossierCode("H15.50.05.13-261008-0975"),
                agencyId, operation, PAYLOAD, ExchangeStatus.IN_FLIGHT, 0, null, null, null, now, now, now);
    }

    /** The shipped agencies' paths, as microprofile-config.properties sets them. */
    private static final Map<String, String> PATHS = Map.of("civil-status", "/registrations",
            "social-insurance", "/ws", "residence", "/requests", "land-registry", "/registrations");

    static Properties properties() {
        Properties p = new Properties();
        PATHS.forEach((id, path) -> {
            p.put("lienthong.agency." + id + ".path", path);
            p.put("lienthong.agency." + id + ".mapper", id);
            p.put("lienthong.agency." + id + ".connect-timeout-ms", "500");
            p.put("lienthong.agency." + id + ".read-timeout-ms", "500");
            p.put("lienthong.agency." + id + ".rate-per-second", "1000");
            p.put("lienthong.agency." + id + ".concurrency", "2");
        });
        // Route tests fail agencies on purpose many times over; a test that wants the circuit sets its own window.
        p.put("lienthong.circuit.window", "1000");
        p.put("lienthong.outbox.poll-ms", "3600000");
        p.put("lienthong.outbox.start-delay-ms", "3600000");
        p.put("lienthong.outbox.queue-size", "100");
        p.put("lienthong.delivery.redeliveries", "2");
        p.put("lienthong.delivery.redelivery-delay-ms", "5");
        return p;
    }

    static ConnectorDirectory connectors() {
        RetrySchedule retry = new RetrySchedule(3, Duration.ofMillis(10), Duration.ofMillis(100));
        return directory(List.of(
                new Connector("civil-status", "Hộ tịch", "G12", "CIVIL_STATUS", false, true, retry),
                new Connector("social-insurance", "BHXH", "B01", "SOCIAL_INSURANCE", false, true, retry),
                new Connector("residence", "Cư trú", "G01", "RESIDENCE", true, true, retry),
                new Connector("land-registry", "Đất đai", "G09", "LAND_REGISTRY", true, true, retry, true)));
    }

    static ConnectorDirectory directory(List<Connector> all) {
        return new ConnectorDirectory() {
            @Override
            public List<Connector> all() {
                return all;
            }

            @Override
            public Optional<Connector> byId(String id) {
                return all.stream().filter(c -> c.id().equals(id)).findFirst();
            }

            @Override
            public Optional<Connector> forType(String type) {
                return all.stream().filter(c -> c.type().equals(type)).findFirst();
            }
        };
    }

    static AgencyAddresses addresses() {
        return new AgencyAddresses() {
            @Override
            public String baseUrl(String agencyId) {
                return "http://agency.invalid/" + agencyId;
            }
        };
    }

    static AgencyCredentials noCredentials() {
        return new AgencyCredentials() {
            @Override
            public String authorization(String agencyId) {
                return null;
            }
        };
    }

    /** One message log for the route tests that do not look at it: in-memory H2, open until the JVM ends. */
    private static final class SharedLog {
        static final MessageLog LOG = TestMessageLogs.open(TestMessageLogs.database(), java.time.Clock.systemUTC(), 1000);
    }

    static MessageLogSteps messageLogSteps() {
        return messageLogSteps(SharedLog.LOG);
    }

    /** The routes' message log steps on a real log (in-memory H2); callbacks find their request in {@code requests}. */
    static MessageLogSteps messageLogSteps(MessageLog log, AgencyMessage... requests) {
        MessageLogSteps steps = new MessageLogSteps();
        steps.log = log;
        steps.outbox = new TicketsOnly(List.of(requests));
        return steps;
    }

    /** An outbox that only answers which request holds a ticket. */
    private record TicketsOnly(List<AgencyMessage> messages) implements Outbox {
        @Override
        public Optional<AgencyMessage> findByTicket(String agencyId, String ticket) {
            return messages.stream().filter(m -> m.agencyId().equals(agencyId) && ticket.equals(m.ticket())).findFirst();
        }

        @Override
        public void add(AgencyMessage message) {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<AgencyMessage> claimDue(OffsetDateTime now, OffsetDateTime leaseUntil, int limit) {
            throw new UnsupportedOperationException();
        }

        @Override
        public AgencyMessage retryLater(AgencyMessage message, RetrySchedule retries, DoubleSupplier random,
                                        String error, OffsetDateTime now) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void handBack(AgencyMessage message, OffsetDateTime until, String reason, OffsetDateTime now) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Optional<AgencyMessage> find(String messageId) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Optional<AgencyMessage> findById(long id) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Optional<AgencyMessage> findForUpdate(String messageId) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void update(AgencyMessage message) {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<AgencyMessage> ofDossier(DossierCode code) {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<AgencyMessage> deadLetters(int limit) {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<AgencyMessage> acceptedBefore(OffsetDateTime cutoff, int limit) {
            throw new UnsupportedOperationException();
        }
    }

    /** Records each delivery outcome instead of writing to the database. */
    static final class RecordingOutcomes extends DeliveryOutcomes {

        final BlockingQueue<String> outcomes = new LinkedBlockingQueue<>();
        /** When set, recording an answer fails with it, as a database refusing the write would. */
        volatile RuntimeException answerFailure;

        @Override
        public void answered(Exchange exchange) {
            if (answerFailure != null) {
                throw answerFailure;
            }
            outcomes.add("answered: " + exchange.getMessage().getBody(AgencyResult.class).summary());
        }

        @Override
        public void transientFailure(Exchange exchange) {
            outcomes.add("transient: " + exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class).getMessage());
        }

        @Override
        public void permanentFailure(Exchange exchange) {
            outcomes.add("permanent: " + exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class).getMessage());
        }

        @Override
        public void unexpectedFailure(Exchange exchange) {
            outcomes.add("unexpected: " + exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class).getMessage());
        }

        @Override
        public void circuitOpen(Exchange exchange) {
            outcomes.add("circuit-open");
        }

        String next() {
            try {
                String outcome = outcomes.poll(10, TimeUnit.SECONDS);
                if (outcome == null) {
                    throw new AssertionError("No delivery outcome within 10 s");
                }
                return outcome;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("Interrupted", e);
            }
        }
    }
}
