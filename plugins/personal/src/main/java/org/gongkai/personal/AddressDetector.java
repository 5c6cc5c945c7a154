package org.gongkai.personal;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.gongkai.spi.Category;
import org.gongkai.spi.DetectionContext;
import org.gongkai.spi.Detector;
import org.gongkai.spi.Finding;
import org.gongkai.spi.Severity;

/**
 * House-level addresses of persons: a street or village address down to the house number (路/街/巷/弄 … 号,
 * 栋/幢/单元/室, 村 … 组 … 号). Reported with personal context (住址、家住、户籍地 …) or when it reaches a flat
 * (单元/室) with no agency in the line. An agency's 办公地址 is public; a village or township name alone is not
 * an address.
 */
public final class AddressDetector implements Detector {
    private static final Pattern ADDRESS = Pattern.compile(
            "(?:[\\p{IsHan}]{2,8}?(?:省|自治区|市|州|盟))?(?:[\\p{IsHan}]{1,8}?(?:区|县|旗))?(?:[\\p{IsHan}]{1,8}?(?:镇|乡|街道))?"
            + "(?:(?:[\\p{IsHan}A-Za-z0-9]{1,12}?(?:路|街|大道|巷|弄|胡同|里)(?:\\d+段)?\\d+(?:-\\d+)?号(?:院)?)"
            + "|(?:[\\p{IsHan}]{1,8}?(?:村|社区)(?:\\d+|[一二三四五六七八九十]+)(?:组|社|队)(?:\\d+号)?))"
            + "(?:[\\p{IsHan}A-Za-z0-9]{0,12}?\\d+(?:栋|幢|号楼|单元|楼|层|室|号|附\\d+号))*");
    private static final Pattern PERSONAL = Pattern.compile("住址|家住|住所|户籍地|户籍所在地|居住地|现住|现居|住在|家庭住址|居住|暂住|户口所在地|地址[:：]");
    private static final Pattern FLAT = Pattern.compile("\\d+(?:单元|室)|\\d+(?:栋|幢)\\d+");
    private static final Pattern AGENCY_ADDRESS = Pattern.compile("[本我](?:局|委|办|院|所|中心|机关|单位|站|队|馆)(?:的)?(?:办公)?地址|机关地址|办公地址|单位地址|办公场所|受理地点|办理地点|服务地点|地点[:：]|会议室|大厅|窗口");

    @Override
    public String name() {
        return "address";
    }

    @Override
    public Set<Category> categories() {
        return Set.of(Category.ADDRESS);
    }

    @Override
    public List<Finding> detect(DetectionContext ctx) {
        String t = ctx.normalized().text();
        List<Finding> out = new ArrayList<>();
        Matcher m = ADDRESS.matcher(t);
        while (m.find()) {
            if (m.end() - m.start() < 5) {
                continue;
            }
            String before = Context.before(t, m.start(), 15);
            String line = Context.line(t, m.start(), m.end());
            String personal = Context.find(PERSONAL, before);
            String personInLine = Context.find(Context.PERSON, line);
            boolean agency = AGENCY_ADDRESS.matcher(before).find()
                    || personal == null && personInLine == null && Context.find(Context.AGENCY, Context.after(t, m.end(), 8)) != null;
            if (agency) {
                continue;
            }
            boolean flat = FLAT.matcher(m.group()).find();
            if (personal == null && personInLine == null && !flat) {
                continue;
            }
            double score = 0.55 + (personal != null ? 0.35 : 0) + (flat ? 0.08 : 0) + (personInLine != null ? 0.05 : 0);
            out.add(Finding.at(ctx.normalized(), m.start(), m.end(), Category.ADDRESS, Severity.HIGH, Math.min(0.99, score), PhoneNumberDetector.BASIS,
                    "具体到门牌号的住址" + (flat ? "（含楼栋、单元或室号）" : "") + (personal != null ? "；上下文：" + personal
                            : personInLine != null ? "；同行出现“" + personInLine + "”" : "") + "。个人住址属个人隐私，公开前须删除或仅保留到村（社区）。", name()));
        }
        return out;
    }
}
