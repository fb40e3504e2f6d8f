"""Conversations and messages as plain data; JSONL/CSV readers and writers; code files."""

from inbeeld.corpus.codes import CodedConversation, EvidenceRef, read_codes, write_codes
from inbeeld.corpus.io import FORMATS, detect_format, read_conversations, write_conversations
from inbeeld.corpus.markup import gold_conversation, mark, parse_markup, strip_markup
from inbeeld.corpus.model import IDENTIFIER_TYPES, ROLES, Conversation, Message, Span

__all__ = [
    "FORMATS",
    "IDENTIFIER_TYPES",
    "ROLES",
    "CodedConversation",
    "Conversation",
    "EvidenceRef",
    "Message",
    "Span",
    "detect_format",
    "gold_conversation",
    "mark",
    "parse_markup",
    "read_codes",
    "read_conversations",
    "strip_markup",
    "write_codes",
    "write_conversations",
]
