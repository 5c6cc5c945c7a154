package org.gongkai.server.workbench;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.gongkai.server.audit.SecurityAudit;
import org.gongkai.server.maintenance.DictionaryValidator;
import org.gongkai.server.maintenance.ListController;
import org.gongkai.server.maintenance.ListEditor;
import org.gongkai.server.maintenance.ListKind;
import org.gongkai.server.maintenance.RulesValidator;
import org.gongkai.server.queue.ReviewQueues;
import org.gongkai.server.register.AnnualReport;
import org.gongkai.server.register.RegisterController;
import org.gongkai.server.register.RegisterService;
import org.gongkai.server.search.SearchService;
import org.gongkai.server.storage.Database;
import org.gongkai.spi.RulesFileOwner;

/**
 * The browser workbench (issue 11) wired by constructor: its pages, the lists and searches they read, the register and
 * annual statistics, and the editor of the files the office maintains ({@link #kinds}: dictionaries and rules files).
 */
public final class Workbench {
    private Workbench() {
    }

    /**
     * The kinds of file the office edits in the workbench: the dictionaries, and the context-rules files of
     * {@code config} that an active plugin reads ({@code rulesOwners}), each validated as that plugin loads it.
     */
    public static List<ListKind> kinds(Path dictionaries, Path config, List<RulesFileOwner> rulesOwners) {
        RulesValidator rules = new RulesValidator(rulesOwners);
        return List.of(new ListKind("dictionary", "词典", dictionaries, f -> f.endsWith(".txt"), DictionaryValidator::columns,
                        new DictionaryValidator()),
                new ListKind("rules", "检测规则", config, rules::owns, RulesValidator::columns, rules));
    }

    public static void install(Javalin app, Database db, ReviewQueues review, SearchService search, SecurityAudit audit, Path dictionaries,
                               Path config, List<RulesFileOwner> rulesOwners, ObjectMapper json, Clock clock) {
        People people = new People(db);
        DocumentListing listing = new DocumentListing(db, review.access(), review.config(), review.clock(), people);
        new PageController().routes(app);
        new WorkbenchController(new WorkService(db, review.queues(), review.config(), listing, people), listing, search, people,
                new Opinions(db, review.access(), review.config(), people)).routes(app);
        new RegisterController(new RegisterService(db, people, json), new AnnualReport(db, review.config(), review.clock())).routes(app);
        new ListController(new ListEditor(kinds(dictionaries, config, rulesOwners), db, audit, clock), json).routes(app);
    }
}
