package com.incidenttally.job;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StoreUrlTests {

    @ParameterizedTest
    @ValueSource(strings = {"jdbc:h2:file:./data/incidents;AUTO_SERVER=TRUE", "jdbc:h2:./data/incidents;auto_server=true",
            "jdbc:h2:file:./data/incidents;FILE_LOCK=NO", "jdbc:h2:file:./data/incidents;FILE_LOCK=FS",
            "jdbc:h2:file:./data/incidents;ACCESS_MODE_DATA=r", "jdbc:h2:file:./data/incidents;AUTO_SERVER_PORT=9090",
            "jdbc:h2:tcp://localhost/~/incidents"})
    void refusesSettingsThatLetASecondRunIn(String url) {
        assertThatThrownBy(() -> StoreUrl.refuseSharedAccess(url))
                .isInstanceOf(BadArgumentsException.class)
                .hasMessageStartingWith("--db: ");
    }

    @Test
    void saysWhichSettingAndWhatToDo() {
        assertThatThrownBy(() -> StoreUrl.refuseSharedAccess("jdbc:h2:file:./data/incidents;AUTO_SERVER=TRUE"))
                .hasMessage("--db: AUTO_SERVER=TRUE lets a second run use the store while one is running;"
                        + " remove it from the URL");
    }

    @ParameterizedTest
    @ValueSource(strings = {"jdbc:h2:file:./data/incidents", "jdbc:h2:mem:x;DB_CLOSE_DELAY=-1",
            "jdbc:h2:file:./data/incidents;FILE_LOCK=FILE;AUTO_SERVER=FALSE", "jdbc:postgresql://localhost/incidents"})
    void acceptsStoresThatStayOneRunAtATime(String url) {
        assertThatCode(() -> StoreUrl.refuseSharedAccess(url)).doesNotThrowAnyException();
    }

    @Test
    void masksPasswordsInSettingsAndInUserInfo() {
        assertThat(StoreUrl.masked("jdbc:postgresql://db:5432/incidents?user=tally&password=hunter2&ssl=true"))
                .isEqualTo("jdbc:postgresql://db:5432/incidents?user=tally&password=***&ssl=true");
        assertThat(StoreUrl.masked("jdbc:h2:file:./x;USER=sa;PASSWORD=hunter2;CIPHER=AES"))
                .isEqualTo("jdbc:h2:file:./x;USER=sa;PASSWORD=***;CIPHER=AES");
        assertThat(StoreUrl.masked("cannot reach jdbc:postgresql://tally:hunter2@db/incidents (refused)"))
                .isEqualTo("cannot reach jdbc:postgresql://tally:***@db/incidents (refused)");
        assertThat(StoreUrl.masked("jdbc:h2:file:./data/incidents")).isEqualTo("jdbc:h2:file:./data/incidents");
    }

    @Test
    void findsTheFileOfAnH2Store() {
        assertThat(StoreUrl.h2File("jdbc:h2:file:./data/incidents;TRACE_LEVEL_FILE=0"))
                .contains(Path.of("./data/incidents.mv.db"));
        assertThat(StoreUrl.h2File("jdbc:h2:/srv/tally/incidents")).contains(Path.of("/srv/tally/incidents.mv.db"));
        assertThat(StoreUrl.h2File("jdbc:h2:mem:x")).isEmpty();
        assertThat(StoreUrl.h2File("jdbc:postgresql://db/incidents")).isEmpty();
    }

    @Test
    void aStoreFolderInTheWayOfAFileIsSaidBeforeTheStoreIsOpened(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("data"), "not a folder");

        assertThat(StoreUrl.folderProblem("jdbc:h2:file:" + dir.resolve("data/store/incidents")))
                .hasValueSatisfying(problem -> assertThat(problem).contains("data is a file"));
        assertThat(StoreUrl.folderProblem("jdbc:h2:file:" + dir.resolve("other/incidents"))).isEmpty();
    }

    @Test
    void aStoreFolderThatCannotBeMadeIsOneLineNotTheDatabasesStackTraces(@TempDir Path dir) {
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isDirectory(Path.of("/proc/self")), "a Linux /proc");

        assertThat(StoreUrl.folderProblem("jdbc:h2:file:/proc/no-such/store/incidents"))
                .hasValueSatisfying(problem -> assertThat(problem)
                        .startsWith("the store's folder /proc/no-such/store cannot be made (")
                        .endsWith("); choose another --db").doesNotContain("\n"));
        assertThat(StoreUrl.folderProblem("jdbc:h2:file:" + dir.resolve("new/store/incidents"))).isEmpty();
        assertThat(dir.resolve("new/store")).isDirectory();
    }

    @Test
    void aPostgresUrlGetsTheDriverSettingsForALostServerUnlessItSetsThem() {
        assertThat(StoreUrl.withDriverDefaults("jdbc:postgresql://db/incidents"))
                .isEqualTo("jdbc:postgresql://db/incidents?connectTimeout=5&tcpKeepAlive=true");
        assertThat(StoreUrl.withDriverDefaults("jdbc:postgresql://db/incidents?ssl=true&connectTimeout=30"))
                .isEqualTo("jdbc:postgresql://db/incidents?ssl=true&connectTimeout=30&tcpKeepAlive=true");
        assertThat(StoreUrl.withDriverDefaults("jdbc:postgresql://db/x?TCPKEEPALIVE=false&connecttimeout=1"))
                .isEqualTo("jdbc:postgresql://db/x?TCPKEEPALIVE=false&connecttimeout=1");
        assertThat(StoreUrl.withDriverDefaults("jdbc:h2:file:./data/incidents")).isEqualTo("jdbc:h2:file:./data/incidents;WRITE_DELAY=0");
        assertThat(StoreUrl.withDriverDefaults("jdbc:h2:file:./x;write_delay=500")).isEqualTo("jdbc:h2:file:./x;write_delay=500");
        assertThat(StoreUrl.withDriverDefaults("jdbc:h2:mem:x")).isEqualTo("jdbc:h2:mem:x");
    }
}
