package io.udm.adapter.mongo.contract;

import static org.assertj.core.api.Assertions.assertThat;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.net.InetSocketAddress;
import java.util.List;
import org.junit.jupiter.api.AfterAll;

/** The port contracts on the Mongo adapters over mongo-java-server on a loopback port: real sockets, real driver. */
class InJvmMongoContractsTest extends MongoContracts {
  private MongoServer server;

  @Override
  protected String startServer() {
    server = new MongoServer(new MemoryBackend());
    InetSocketAddress address = server.bind();
    return "mongodb://" + address.getHostString() + ":" + address.getPort();
  }

  /**
   * What {@link MongoContainerContractsTest} explains on a real server, heard here: the contracts
   * query every collection of the layout, and each example is one statement.
   */
  @AfterAll
  void theContractsQueryEveryCollectionOneStatementAtATime() {
    List<QueryShapes.Statement> examples = heard().examples();
    assertThat(examples).extracting(e -> e.collection().replaceAll("_[0-9a-f]{16}$", ""))
        .contains("versions", "heads", "sequences", "pruned_requests", "counters", "placements", "index_states", "holds", "retry_queue",
            "dead_letters");
    assertThat(examples).filteredOn(e -> e.shape().startsWith("update ") || e.shape().startsWith("delete "))
        .isNotEmpty()
        .allSatisfy(e -> assertThat(e.command().getArray(e.shape().startsWith("update ") ? "updates" : "deletes"))
            .hasSize(1));
  }

  @Override
  protected void stopServer() {
    if (server != null) {
      server.shutdownNow();
    }
  }
}
