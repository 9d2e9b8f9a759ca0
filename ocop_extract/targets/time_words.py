"""The words of time phrases that need more than a list: the present ("đến nay", "hiện có"), the day
figures are counted to ("Tính đến ngày 30/6/2024"), and a day said without its year ("ngày 13/11").

They are standard `re` patterns read on lower-cased text (`time_scope`).

>>> [m.group() for m in NOW.finditer("đến nay toàn tỉnh có 40 sản phẩm, thực hiện 12 lớp")]
['đến nay']
>>> AS_OF.search("lũy kế đến hết tháng 5-2024 có").group("year"), DAY_MONTH.search("chiều 17-6, hội nghị").group("m")
('2024', '6')
"""

from __future__ import annotations

import re

# the present: "đến nay", "tính đến thời điểm này", "hiện (nay, có, toàn tỉnh …)" but not "thực hiện",
# "hiện đại"; "lũy kế" without a date; ", nay đã có …".
# These and the "as of" dates below are standard `re` patterns read on lower-cased text: each starts
# with a literal the engine searches for; the words that may stand before them ("tính", "cho") need
# not be part of the phrase, and the word start is checked after.
NOW = re.compile(r"(?:đến|tới)\s+(?:nay|thời\s+điểm\s+(?:này|hiện\s+tại))"
                  r"|h(?<!\wh)(?<!thực h)(?<!thể h)(?<!xuất h)(?<!biểu h)(?<!phát h)iện"
                  r"(?!\s+(?:đại|thực|trạng|diện|tượng|hành|vật))(?!\w)"
                  # (not a sum up to a day or a year said after it: "Lũy kế từ khi … đến hết năm 2024")
                  r"|lũy\s+kế(?![^,.;]{0,80}?\s(?:đến|tới)\s)(?!\w)"
                  # "… thành lập năm 2019 với 37 thành viên, nay đã có 126 thành viên": now, after a comma
                  r"|, nay(?=\s+(?:đã|có|là|đạt|được|lên)(?!\w))"
                  # "Từ khi sản phẩm chè đạt OCOP 4 sao, gần 150 hộ …": since then, up to now
                  r"|k(?<!\wk)ể\s+từ\s+khi(?!\w)|t(?<!\wt)ừ\s+khi(?!\w)"
                  # "Cùng thời điểm, tỉnh Kiên Giang (cũ) có …": the moment said before (`time_scope` gives its year)
                  r"|c(?<!\wc)ùng\s+thời\s+(?:điểm|gian\s+(?:này|đó))(?!\w)|t(?<!\wt)ại\s+thời\s+điểm\s+(?:đó|trên)(?!\w)")
# a date the figures are counted to: "Tính đến ngày 30/6/2024", "Lũy kế đến hết tháng 6/2024",
# "Đến ngày 25/9" (no year: the present)
# "Đến ngày 30-9-2025", "đến ngày 30.9.2025", "đến ngày 30 tháng 9 năm 2025", "đến hết tháng 5-2024"
AS_OF = re.compile(r"(?:đến|tới)\s+(?:hết\s+|cuối\s+)?"
                    r"(?:(?:ngày\s+\d{1,2}\s*(?P<sep>[/.-])\s*\d{1,2}|tháng\s+\d{1,2})"
                    r"(?:\s*(?(sep)(?P=sep)|[/-])\s*(?P<year>(?:19|20)\d{2}))?(?![\d/.-]\d)"
                    r"|ngày\s+\d{1,2}\s+tháng\s+\d{1,2}(?:\s+năm\s+(?P<spelled>(?:19|20)\d{2}))?"
                    # "(tính đến 30/9/2025)": a whole date needs no "ngày"
                    r"|\d{1,2}\s*/\s*\d{1,2}\s*/\s*(?P<dated>(?:19|20)\d{2})(?!\d)"
                    # "Tính đến thời điểm sắp xếp đơn vị hành chính (30/6/2025)": the moment, then its day
                    r"|thời\s+điểm[^()\d,.;]{1,60}\(\s*\d{1,2}\s*/\s*\d{1,2}\s*/\s*(?P<moment>(?:19|20)\d{2})\s*\))")


# "hiện có" closing a noun phrase ("củng cố mười hai chủ thể OCOP hiện có; …") qualifies it: no scope
AFTER_ITS_NOUN = re.compile(r"(?:(?<=có)|\s+có)\s*[;,.)]")
# a day said without its year: "ngày 13/11", "sáng 12/11", "ngày 17-6", "Từ ngày 5 đến 7/11", "ngày 14 - 15/9" (lower-cased)
DAY_MONTH = re.compile(r"(?:ngày|sáng|chiều|tối|trưa|hôm|đến)\s+(?:\d{1,2}\s*(?:[-–]|và)\s*)?(?P<d>\d{1,2})\s*(?:/|-(?=\d))\s*(?P<m>\d{1,2})(?![\d/-])")
