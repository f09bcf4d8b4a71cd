package org.benchtarget.core.config;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CassandraSettingsTest {

    private static CassandraSettings parse(String... sets) {
        return CassandraSettings.of(SettingsParser.parse(null, Map.of(), List.of(sets)));
    }

    @Test
    void sqlByDefaultAndLocalQuorumOnLoopback() {
        var settings = parse();
        assertThat(settings.enabled()).isFalse();
        assertThat(settings.consistency()).isEqualTo("LOCAL_QUORUM");
        assertThat(settings.contactPoints()).containsExactly(InetSocketAddress.createUnresolved("127.0.0.1", 9042));
        assertThat(settings.keyspace()).isEqualTo("benchtarget");
        assertThat(settings.localDc()).isEqualTo("datacenter1");
    }

    @Test
    void contactPointsTakeTheirOwnPortOrTheDefault() {
        var settings = parse("survey.store=cassandra", "cassandra.contact-points=10.0.0.1:9142, cass-2,[::1]:9043",
                "cassandra.port=9050", "cassandra.consistency=LOCAL_ONE", "cassandra.keyspace=bench_2", "cassandra.local-dc=dc-east");
        assertThat(settings.enabled()).isTrue();
        assertThat(settings.contactPoints()).containsExactly(InetSocketAddress.createUnresolved("10.0.0.1", 9142),
                InetSocketAddress.createUnresolved("cass-2", 9050), InetSocketAddress.createUnresolved("::1", 9043));
        assertThat(settings.consistency()).isEqualTo("LOCAL_ONE");
        assertThat(settings.keyspace()).isEqualTo("bench_2");
        assertThat(settings.localDc()).isEqualTo("dc-east");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "survey.store=mongo | survey.store=mongo: expected one of sql, cassandra",
            "cassandra.consistency=QUORUM | cassandra.consistency=QUORUM: expected one of LOCAL_QUORUM, LOCAL_ONE",
            "cassandra.consistency=local_one | cassandra.consistency=local_one: expected one of LOCAL_QUORUM, LOCAL_ONE",
            "cassandra.consistency=ALL | cassandra.consistency=ALL: expected one of LOCAL_QUORUM, LOCAL_ONE",
            "cassandra.port=0 | cassandra.port=0: expected a port from 1 to 65535",
            "cassandra.port=nine | cassandra.port=nine: expected a port from 1 to 65535",
            "cassandra.contact-points=a:99999 | cassandra.contact-points=a:99999: expected a port from 1 to 65535",
            "cassandra.contact-points=a,,b | cassandra.contact-points=a,,b: expected host[:port],... such as 127.0.0.1:9042 (got '')",
            "cassandra.contact-points=a b | cassandra.contact-points=a b: expected host[:port],... such as 127.0.0.1:9042 (got 'a b')",
            "cassandra.keyspace=Bench | cassandra.keyspace=Bench: expected a lower-case name of letters, digits and _ (at most 48, a letter first)",
            "cassandra.keyspace=x;drop | cassandra.keyspace=x;drop: expected a lower-case name of letters, digits and _ (at most 48, a letter first)",
            "cassandra.local-dc=dc'1 | cassandra.local-dc=dc'1: expected a data centre name such as datacenter1",
    })
    void badValuesStopWithOneLineNamingTheKnob(String set, String message) {
        assertThatThrownBy(() -> SettingsParser.parse(null, Map.of(), List.of(set)))
                .isInstanceOf(SettingsException.class).hasMessage(message);
    }
}
