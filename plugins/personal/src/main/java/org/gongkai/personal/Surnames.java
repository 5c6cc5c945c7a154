package org.gongkai.personal;

import java.util.Set;

/** Chinese surnames (single and compound), to check that a name candidate can be a name at all. */
final class Surnames {
    private static final String SINGLE = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝官封谈匡鞠惠荆乐冀郁胥南班储原栗燕楚鄢劳谌奚皮粟冼蔺楼盘满闻位厉伊仝区郜海阚花权强帅屠豆朴盖练廉禹井祖漆巴丰支卿国狄平计索宣晋相初门云容敬来扈晁芮都普阙浦戈伏鹿薄邸雍辜羊阿乌母裘亓修邰赫杭况那宿鲜印逯隆茹诸战慕危玉银亢嵇公哈湛宾戎勾茅利於呼居揭干但尉冶斯元束檀衣信展阴昝智幸奉植衡富尧闭由";
    private static final Set<String> COMPOUND = Set.of("欧阳", "司马", "上官", "诸葛", "东方", "皇甫", "尉迟", "公孙", "慕容", "长孙", "宇文", "司徒", "夏侯",
            "轩辕", "令狐", "钟离", "独孤", "端木", "西门", "南宫", "万俟", "闻人", "呼延", "澹台", "公羊", "赫连", "申屠", "太史");

    private Surnames() {
    }

    /** The compound surnames, for the rules' built-in list {@code @COMPOUND_SURNAME}. */
    static java.util.List<String> compounds() {
        return java.util.List.copyOf(new java.util.TreeSet<>(COMPOUND));
    }

    /** Every surname, single and compound, for the rules' built-in list {@code @SURNAME}. */
    static java.util.List<String> all() {
        java.util.List<String> out = new java.util.ArrayList<>(COMPOUND);
        SINGLE.chars().distinct().forEach(c -> out.add(String.valueOf((char) c)));
        return java.util.List.copyOf(out);
    }

    /** True when {@code s} starts with a compound surname (欧阳、司马 …) and has a given name after it. */
    static boolean compound(String s) {
        return s.length() >= 3 && COMPOUND.contains(s.substring(0, 2));
    }

    static boolean startsWithSurname(String s) {
        return s.length() >= 2 && (SINGLE.indexOf(s.charAt(0)) >= 0 || s.length() >= 3 && COMPOUND.contains(s.substring(0, 2)));
    }
}
