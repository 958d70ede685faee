"""Optional LLM writer: any OpenAI-compatible endpoint (BUDGETQA_LLM_BASE_URL / _MODEL / _API_KEY).

It writes the answer from the ranked evidence: the rows and sentences the offline answer cites, then the
next best rows and sentences the retriever ranks for the question (so it may use what the offline rules
missed), each numbered [n]. Its text must cite only that evidence and pass the same number check as the
offline answer; otherwise the offline answer stands. A question the offline path refuses stays refused.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from langchain_core.language_models import BaseChatModel
from langchain_core.prompts import ChatPromptTemplate

from assistant.compose import Draft
from assistant.evidence import RowEvidence, TextEvidence
from assistant.verify import unverified
from ingest.settings import Settings

PROMPT = ChatPromptTemplate.from_messages(
    [
        (
            "system",
            "你是政府预算公开文件的问答助手。只能使用下面编号的证据回答，用中文，简洁。"
            "每个数字必须原样来自证据（保留单位），并在句末用证据编号标注，如[1]。"
            "不得编造、换算或估计任何数字；证据不足时直接说明没有找到。",
        ),
        ("human", "问题：{question}\n\n证据（前 {drafted} 条是参考答案引用的，其余是按相关程度排序的其他表格行和句子）：\n"
                  "{evidence}\n\n参考答案（可改写、可补充证据中的内容，不可增加证据以外的数字）：\n{draft}"),
    ]
)


def make_llm(settings: Settings) -> BaseChatModel | None:
    if not (settings.llm_base_url and settings.llm_model):
        return None
    from langchain_openai import ChatOpenAI

    return ChatOpenAI(
        base_url=settings.llm_base_url,
        model=settings.llm_model,
        api_key=settings.llm_api_key or "not-needed",  # type: ignore[arg-type]
        temperature=0,
        timeout=60,
        max_retries=1,
    )


def evidence_block(evidence: Sequence[RowEvidence | TextEvidence]) -> str:
    return "\n".join(e.citation(i).line() for i, e in enumerate(evidence, 1))


def rewrite(
    llm: BaseChatModel, question: str, d: Draft, known_extra: list, ranked: Sequence[RowEvidence | TextEvidence] = ()
) -> tuple[str | None, str, list[RowEvidence | TextEvidence]]:
    """(LLM text, '', its evidence) when it passes the checks, else (None, reason, []). The evidence is the
    draft's, then the ranked items the text cites (renumbered after the draft's)."""
    pool = list(d.evidence) + [e for e in ranked if not d.cited(e)]
    try:
        msg = (PROMPT | llm).invoke(
            {"question": question, "evidence": evidence_block(pool), "draft": d.text, "drafted": len(d.evidence)}
        )
    except Exception as e:
        return None, f"大模型调用失败（{type(e).__name__}）", []
    text = str(getattr(msg, "content", msg)).strip()
    if not text:
        return None, "大模型没有返回内容", []
    markers = {int(m) for m in re.findall(r"\[(\d+)\]", text)}
    if not markers or any(m < 1 or m > len(pool) for m in markers):
        return None, "大模型回答的出处编号不对", []
    extra = sorted(m for m in markers if m > len(d.evidence))
    renumber = {old: len(d.evidence) + i + 1 for i, old in enumerate(extra)}
    text = re.sub(r"\[(\d+)\]", lambda m: f"[{renumber.get(int(m.group(1)), int(m.group(1)))}]", text)
    used = list(d.evidence) + [pool[m - 1] for m in extra]
    bad = unverified(text, used, d.computed + known_extra)
    if bad:
        return None, f"大模型回答中有无出处的数字（{'、'.join(bad)}）", []
    return text, "", used
