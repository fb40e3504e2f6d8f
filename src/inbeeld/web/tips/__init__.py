"""Tips from the public: the public form, the reporter's return with a receipt code, the
handlers' queue and hand-over. Every tip is encrypted with its own key (inbeeld.tips.crypto)."""
