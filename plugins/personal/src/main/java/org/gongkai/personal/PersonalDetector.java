package org.gongkai.personal;

import java.util.List;
import org.gongkai.spi.Detector;
import org.gongkai.spi.PluginConfig;
import org.gongkai.spi.RulesFileOwner;

/**
 * A personal-information detector: its context rules come from {@code personal.rules} (shared by all of them through
 * {@link PersonalRules.Holder}), which it declares as a rules file the office may edit, validated exactly as it is
 * checked at load.
 */
abstract class PersonalDetector implements Detector, RulesFileOwner {
    final PersonalRules.Holder rules = new PersonalRules.Holder();

    @Override
    public void configure(PluginConfig config) {
        rules.configure(config);
    }

    /** {@code personal.rules}, when read from the configuration folder. */
    @Override
    public List<String> rulesFiles() {
        return rules.rulesFiles();
    }

    /** Checked as the rules are checked when they load (targets, kinds and the lists the detectors read). */
    @Override
    public List<String> validateRules(String file, String content) {
        return rules.validate(file, content);
    }
}
