package io.udm.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.udm.api.Hold;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "hold", mixinStandardHelpOptions = true,
    description = {"Legal holds: while one covers an item (or its whole collection), retention keeps every version"
        + " of it and a hard delete is refused. Writes and reads go on."},
    subcommands = {HoldCommand.Place.class, HoldCommand.Release.class, HoldCommand.ListHolds.class})
final class HoldCommand implements Runnable {
  @Spec
  CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "name a hold subcommand: place, release or list");
  }

  static ObjectNode json(Hold h) {
    ObjectNode n = Render.object();
    n.put("holdId", h.holdId());
    n.put("collection", h.context().toString());
    h.itemId().ifPresent(i -> n.put("itemId", i));
    n.put("reason", h.reason());
    n.put("placedAt", h.placedAt().toString());
    return n;
  }

  @Command(name = "place", mixinStandardHelpOptions = true,
      description = "Place a hold on one item (--item) or on the whole collection; prints the hold's id.")
  static final class Place extends UdmCommand {
    @Mixin
    CollectionOption collection;

    @Option(names = "--item", paramLabel = "ID", description = "The item to hold; without it, the whole collection.")
    String item;

    @Option(names = "--reason", required = true, paramLabel = "TEXT", description = "The matter the hold serves.")
    String reason;

    @Override
    int run(CliSession session) {
      Hold hold = session.udm().maintenance().placeHold(collection.get(), Optional.ofNullable(item), reason);
      if (json) {
        printJson(json(hold));
      } else {
        out().println(hold.holdId());
      }
      return UdmCli.OK;
    }
  }

  @Command(name = "release", mixinStandardHelpOptions = true, description = "Release a hold by its id.")
  static final class Release extends UdmCommand {
    @Parameters(paramLabel = "HOLD_ID", description = "As printed by hold place or hold list.")
    String holdId;

    @Override
    int run(CliSession session) {
      session.udm().maintenance().releaseHold(holdId);
      out().println("released " + holdId);
      return UdmCli.OK;
    }
  }

  @Command(name = "list", mixinStandardHelpOptions = true, description = "The holds of a collection, oldest first.")
  static final class ListHolds extends UdmCommand {
    @Mixin
    CollectionOption collection;

    @Override
    int run(CliSession session) {
      List<Hold> holds = session.udm().maintenance().listHolds(collection.get());
      if (json) {
        ArrayNode all = Render.array();
        holds.forEach(h -> all.add(json(h)));
        printJson(all);
      } else if (holds.isEmpty()) {
        out().println("no holds on " + collection.get());
      } else {
        Render.Table table = new Render.Table("HOLD", "ITEM", "PLACED", "REASON");
        holds.forEach(h -> table.row(h.holdId(), h.itemId().orElse("(collection)"), h.placedAt(), h.reason()));
        table.print(out(), "");
      }
      return UdmCli.OK;
    }
  }
}
