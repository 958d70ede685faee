"""Optional LLM writer: any OpenAI-compatible endpoint (BUDGETQA_LLM_BASE_URL / _MODEL / _API_KEY).

It rewrites the composed answer from the same evidence with the same [n] markers. Its text
must pass the same number check as the offline answer; otherwise the offline answer stands.
"""

from __future__ import annotations

import re

from langchain_core.language_models import BaseChatModel
from langchain_core.prompts import ChatPromptTemplate

from assistant.compose import Draft
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
        ("human", "问题：{question}\n\n证据：\n{evidence}\n\n参考答案（可改写，不可增加数字）：\n{draft}"),
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


def evidence_block(d: Draft) -> str:
    return "\n".join(e.citation(i).line() for i, e in enumerate(d.evidence, 1))


def rewrite(llm: BaseChatModel, question: str, d: Draft, known_extra: list) -> tuple[str | None, str]:
    """(LLM text, '') when it passes the checks, else (None, reason)."""
    try:
        msg = (PROMPT | llm).invoke({"question": question, "evidence": evidence_block(d), "draft": d.text})
    except Exception as e:
        return None, f"大模型调用失败（{type(e).__name__}）"
    text = str(getattr(msg, "content", msg)).strip()
    if not text:
        return None, "大模型没有返回内容"
    markers = {int(m) for m in re.findall(r"\[(\d+)\]", text)}
    if not markers or any(m < 1 or m > len(d.evidence) for m in markers):
        return None, "大模型回答的出处编号不对"
    bad = unverified(text, d.evidence, d.computed + known_extra)
    if bad:
        return None, f"大模型回答中有无出处的数字（{'、'.join(bad)}）"
    return text, ""
