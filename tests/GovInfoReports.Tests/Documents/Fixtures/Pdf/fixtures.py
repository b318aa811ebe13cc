#!/usr/bin/env python3
"""Helper of make-fixtures.sh (python3, standard library only).

Subcommands:
  report SCHEMA.json SEED OUT.json AGENCY YEAR
      Writes a random report document (the JSON `govinfo extract` writes) of the template whose JSON Schema
      (`govinfo schema 2019|2021`) is given. The same seed gives the same document, byte for byte.
      The numbers are coherent, as in a real report: every row total is the sum of the applicant columns,
      （七）总计 is the sum of the outcome rows, 一 + 二 = 三 + 四 for every column, each review row's 总计 is the
      sum of its outcomes, 现行有效件数 >= 制发 - 废止, 本年新公开 <= 本年新制作 <= 对外公开总数, 上一年项目数量 + 增减 >= 0.
      Counts are mostly small (0-200), a few have 3-5 digits; some cells that would be 0 are blank (null), as
      agencies often leave them; amounts have exactly two decimals (the second one not 0, so that the printed
      and the JSON value agree).
  css IN.html OUT.html CSS
      Copies an HTML file with a <style> element added at the end of <head>.
  narrative IN OUT
      Adds the narrative sections of a real report (一、总体情况 before the tables, 五 and 六 after them) to an
      HTML file or a .docx file, so that the tables sit lower and the section 三 table runs over a page break.
  fixed-widths IN.docx OUT.docx
      Gives every table of a .docx fixed column widths (tblLayout fixed, tblGrid and tcW), as the DocxWriter of the
      repository does since commit 2f56042; older builds of `govinfo render --format docx` leave the grid empty with
      autofit, and LibreOffice then lays each row out on its own (values shifted under the wrong headers).
      Harmless on a .docx that already has the widths.
  repeat-header IN.docx OUT.docx
      Marks the header rows of the section 三 table of a .docx as repeated on each page (w:tblHeader), and
      lets no row break across pages (w:cantSplit).
  damage IN.pdf OUT.pdf SEED
      Overwrites 4 KiB in the middle of a PDF, and the cross-reference table / trailer at its end, with bytes
      from a seeded generator.
  truncate IN.pdf OUT.pdf FRACTION
      Keeps the first FRACTION of the bytes.
  check FOLDER
      For every PDF: size, pages, encryption, whether pdftotext gives readable CJK text (and any Kangxi radical,
      CJK compatibility, private-use or U+FFFD characters in it), the pages of the section 三 table, and the path
      operators of the page content streams (after qpdf --qdf): 're f' = filled rectangles, 'l S' = stroked lines.
"""
import json
import random
import re
import sys
import zipfile


# ----------------------------------------------------------------------------------------------------------------
# Random, coherent report documents


class Numbers:
    def __init__(self, seed):
        self.rnd = random.Random(seed)

    def small(self):
        """A count as agencies report them: mostly 0 or a few, sometimes tens, rarely hundreds."""
        r = self.rnd.random()
        if r < 0.45:
            return 0
        if r < 0.80:
            return self.rnd.randint(1, 9)
        if r < 0.95:
            return self.rnd.randint(10, 60)
        return self.rnd.randint(61, 200)

    def count(self):
        """A count for a stock or a busy column: 0-200 mostly, sometimes 3-5 digits."""
        r = self.rnd.random()
        if r < 0.55:
            return self.rnd.randint(0, 60)
        if r < 0.80:
            return self.rnd.randint(61, 200)
        if r < 0.93:
            return self.rnd.randint(201, 9999)
        return self.rnd.randint(10000, 99999)

    def amount(self, low, high):
        """An amount with exactly two decimals, the last one not 0 (so 12.30 never prints as 12.3)."""
        cents = self.rnd.randint(int(low * 100), int(high * 100))
        if cents % 10 == 0:
            cents += self.rnd.randint(1, 9)
        return round(cents / 100, 2)


def leaf_rows(node, defs):
    """The row ids (paths) under a schema node, in order."""
    out = []
    for name, child in node["properties"].items():
        if "$ref" in child:
            out.append((name,))
        else:
            out.extend((name,) + sub for sub in leaf_rows(child, defs))
    return out


def set_path(doc, path, value):
    for key in path[:-1]:
        doc = doc.setdefault(key, {})
    doc[path[-1]] = value


def get_path(doc, path):
    for key in path:
        doc = doc[key]
    return doc


def row_columns(schema, node):
    ref = node["$ref"].rsplit("/", 1)[-1]
    return list(schema["$defs"][ref]["properties"].keys())


def node_at(schema, path):
    node = schema["properties"]
    for i, key in enumerate(path):
        node = node[key]
        if i < len(path) - 1:
            node = node["properties"]
    return node


def applications(schema, n, busy):
    """Section 三: rows × applicant columns, coherent. `busy` gives the natural-person column 3-5 digit numbers."""
    apps = schema["properties"]["applications"]
    columns = row_columns(schema, apps["properties"]["newlyReceived"])
    applicants = [c for c in columns if c != "total"]
    outcomes = [("results",) + p for p in leaf_rows(apps["properties"]["results"], schema["$defs"]) if p != ("total",)]
    table = {}
    for column in applicants:
        weight = {"naturalPerson": 1.0, "commercial": 0.5, "research": 0.1, "nonProfit": 0.1,
                  "legalServices": 0.3, "other": 0.2}.get(column, 0.2)
        values = {}
        for path in outcomes:
            if n.rnd.random() < weight * (1.6 if path[1] in ("disclosed", "partiallyDisclosed") else 0.6):
                v = n.small()
                if column == "naturalPerson" and path[1] == "disclosed":
                    v = n.count() if busy else n.rnd.randint(0, 200)
                values[path] = v
            else:
                values[path] = 0
        handled = sum(values.values())
        forward = n.small() if n.rnd.random() < 0.5 * weight else 0
        over = n.rnd.randint(0, min(handled + forward, 30)) if n.rnd.random() < 0.4 * weight else 0
        values[("newlyReceived",)] = handled + forward - over
        values[("carriedOver",)] = over
        values[("results", "total")] = handled
        values[("carriedForward",)] = forward
        table[column] = values
    rows = [("newlyReceived",), ("carriedOver",)] + outcomes + [("results", "total"), ("carriedForward",)]
    doc = {}
    for path in rows:
        row = {c: table[c][path] for c in applicants}
        row["total"] = sum(row.values())
        set_path(doc, path, row)
    # Order the members as the schema does.
    return reorder(doc, apps, schema)


def reorder(doc, node, schema):
    if "$ref" in node:
        return {c: doc[c] for c in row_columns(schema, node)}
    return {name: reorder(doc[name], child, schema) for name, child in node["properties"].items()}


def blanks(doc, n, paths, how_many):
    """Blanks (null) where the value is 0, as agencies leave them."""
    zeros = [p for p in paths if get_path(doc, p) == 0]
    n.rnd.shuffle(zeros)
    for p in sorted(zeros[:how_many]):
        set_path(doc, p, None)


def all_cells(node, prefix=()):
    out = []
    for name, child in node.items():
        if isinstance(child, dict) and not ("value" in child and "unit" in child):
            out.extend(all_cells(child, prefix + (name,)))
        else:
            out.append(prefix + (name,))
    return out


def report(schema_path, seed, out, agency, year):
    schema = json.load(open(schema_path, encoding="utf-8"))
    template = schema["properties"]["template"]["const"]
    n = Numbers(seed)
    busy = n.rnd.random() < 0.7
    doc = {"template": template, "year": year, "agency": agency}
    pro = {}
    if template == "2021":
        def regdocs(stock):
            issued = n.small() if stock else 0
            repealed = n.rnd.randint(0, 5) if stock else 0
            in_force = max(issued - repealed, 0) + (n.count() if stock else 0)
            return {"issued": issued, "repealed": repealed, "inForce": in_force}
        pro["regulatoryDocuments"] = {"regulations": regdocs(n.rnd.random() < 0.3),
                                      "normativeDocuments": regdocs(True)}
        pro["licensing"] = {"administrativeLicensing": {"decisions": n.count()}}
        pro["enforcement"] = {"administrativePenalty": {"decisions": n.count()},
                              "administrativeCoercion": {"decisions": n.small()}}
        pro["fees"] = {"administrativeFees": {"amount": n.amount(0, 50) if n.rnd.random() < 0.8
                                              else n.amount(100, 9999)}}
    else:
        def regdocs(stock):
            made = n.small() if stock else 0
            published = n.rnd.randint(0, made)
            return {"made": made, "published": published, "publishedTotal": published + (n.count() if stock else 0)}

        def items(decisions=True):
            previous = n.count() if n.rnd.random() < 0.8 else n.small()
            change = n.rnd.randint(-min(previous, 20), 20)
            row = {"previousItems": previous, "change": change}
            if decisions:
                row["decisions"] = n.count()
            return row
        pro["regulatoryDocuments"] = {"regulations": regdocs(n.rnd.random() < 0.3),
                                      "normativeDocuments": regdocs(True)}
        pro["licensing"] = {"administrativeLicensing": items(), "otherServices": items()}
        pro["enforcement"] = {"administrativePenalty": items(), "administrativeCoercion": items()}
        pro["fees"] = {"administrativeFees": items(False)}
        unit = n.rnd.choice(["万元", "元"])
        value = n.amount(1, 9999) if unit == "万元" else n.amount(1000, 999999)
        pro["procurement"] = {"centralizedProcurement": {"projects": n.small() + 1,
                                                          "amount": {"value": value, "unit": unit}}}
    doc["proactiveDisclosure"] = reorder(pro, schema["properties"]["proactiveDisclosure"], schema)
    doc["applications"] = applications(schema, n, busy)
    reviews = {}
    for path in leaf_rows(schema["properties"]["reviews"], schema["$defs"]):
        outcome = {c: (n.small() if n.rnd.random() < 0.3 else 0) for c in ("upheld", "corrected", "otherOutcome",
                                                                             "pending")}
        outcome["total"] = sum(outcome.values())
        set_path(reviews, path, outcome)
    doc["reviews"] = reorder(reviews, schema["properties"]["reviews"], schema)
    # A few blanks: zeros left empty in the applications and reviews tables, one in section 二.
    blanks(doc, n, [("applications",) + p for p in all_cells(doc["applications"])], 6)
    blanks(doc, n, [("reviews",) + p for p in all_cells(doc["reviews"])], 2)
    blanks(doc, n, [("proactiveDisclosure",) + p for p in all_cells(doc["proactiveDisclosure"])], 1)
    with open(out, "w", encoding="utf-8", newline="\n") as f:
        json.dump(doc, f, ensure_ascii=False, indent=2)
        f.write("\n")


# ----------------------------------------------------------------------------------------------------------------
# Post-processing of the rendered HTML / Word files

NARRATIVE_BEFORE = [
    ("h2", "一、总体情况"),
    ("p", "本年度，本机关坚持以习近平新时代中国特色社会主义思想为指导，认真贯彻落实《中华人民共和国政府信息公开条例》和上级"
          "关于政务公开工作的部署要求，紧紧围绕中心工作，以公开为常态、不公开为例外，持续深化决策、执行、管理、服务、结果"
          "公开，不断提升政务公开质量和实效，切实保障人民群众的知情权、参与权、表达权和监督权。"),
    ("p", "（一）主动公开。通过政府门户网站、政务新媒体、公开栏等渠道，及时主动公开机构职能、政策文件、规划计划、财政预决算、"
          "重大建设项目、公共资源配置、社会公益事业等信息。全年在政府门户网站主动公开政府信息，其中政策文件及解读、"
          "工作动态、通知公告等栏目更新及时，内容准确完整。"),
    ("p", "（二）依申请公开。进一步规范政府信息公开申请的受理、登记、办理、答复、归档等工作流程，严格按照法定时限和程序"
          "答复申请人，做到依法依规、规范有序。全年未发生因政府信息公开申请答复不当引发的争议。"),
    ("p", "（三）政府信息管理。严格落实政府信息公开保密审查制度，坚持“先审查、后公开”和“一事一审”原则，防止失泄密事件"
          "发生。对现行有效的行政规范性文件进行全面清理，及时更新政府信息公开目录和公开指南。"),
    ("p", "（四）政府信息公开平台建设。加强政府门户网站和政务新媒体的建设与管理，优化栏目设置，完善信息发布审核机制，"
          "确保信息发布安全、准确、及时。规范政务新媒体账号的开设、运维和关停，提升平台服务能力。"),
    ("p", "（五）监督保障。成立政务公开工作领导小组，明确分管领导和具体工作人员，将政务公开工作纳入年度目标考核，"
          "定期组织业务培训，接受社会监督，畅通意见建议渠道，推动政务公开工作常态化、制度化、规范化。"),
]
NARRATIVE_AFTER = [
    ("h2", "五、存在的主要问题及改进情况"),
    ("p", "本年度政府信息公开工作取得了一定成效，但仍存在一些不足：一是公开内容的深度和广度有待加强；二是政策解读形式"
          "较为单一；三是工作人员业务水平有待提高。下一步，本机关将进一步完善工作机制，丰富解读形式，加强业务培训，"
          "持续提升政府信息公开工作水平。"),
    ("h2", "六、其他需要报告的事项"),
    ("p", "本年度本机关未收取信息处理费。"),
]


def narrative_html(src, dst):
    html = open(src, encoding="utf-8").read()
    before = "".join("<%s>%s</%s>\n" % (tag, text, tag) for tag, text in NARRATIVE_BEFORE)
    after = "".join("<%s>%s</%s>\n" % (tag, text, tag) for tag, text in NARRATIVE_AFTER)
    html = html.replace("<h2>二、", before + "<h2>二、", 1)
    html = html.replace("</body>", after + "</body>", 1)
    open(dst, "w", encoding="utf-8").write(html)


def docx_paragraph(tag, text):
    size = "28" if tag == "h2" else "24"
    bold = "<w:b />" if tag == "h2" else ""
    indent = "" if tag == "h2" else '<w:pPr><w:ind w:firstLineChars="200" w:firstLine="480" /></w:pPr>'
    return ('<w:p>%s<w:r><w:rPr><w:rFonts w:ascii="SimSun" w:hAnsi="SimSun" w:eastAsia="SimSun" /><w:sz w:val="%s" />'
            '%s</w:rPr><w:t xml:space="preserve">%s</w:t></w:r></w:p>' % (indent, size, bold, text))


def edit_docx(src, dst, edit):
    with zipfile.ZipFile(src) as zin:
        items = [(info, zin.read(info.filename)) for info in zin.infolist()]
    with zipfile.ZipFile(dst, "w", zipfile.ZIP_DEFLATED) as zout:
        for info, data in items:
            if info.filename == "word/document.xml":
                data = edit(data.decode("utf-8")).encode("utf-8")
            zout.writestr(info, data)


def narrative_docx(src, dst):
    def edit(xml):
        first_heading = xml.index("二、主动公开政府信息情况")
        p_start = xml.rfind("<w:p>", 0, first_heading)
        before = "".join(docx_paragraph(tag, text) for tag, text in NARRATIVE_BEFORE)
        after = "".join(docx_paragraph(tag, text) for tag, text in NARRATIVE_AFTER)
        xml = xml[:p_start] + before + xml[p_start:]
        end = xml.rfind("<w:sectPr") if "<w:sectPr" in xml else xml.rfind("</w:body>")
        return xml[:end] + after + xml[end:]
    edit_docx(src, dst, edit)


def narrative(src, dst):
    if src.endswith(".docx"):
        narrative_docx(src, dst)
    else:
        narrative_html(src, dst)


def section3_table_span(xml):
    """(start, end) of the <w:tbl> of section 三 in document.xml."""
    heading = xml.index("三、收到和处理政府信息公开申请情况")
    start = xml.index("<w:tbl>", heading)
    end = xml.index("</w:tbl>", start) + len("</w:tbl>")
    return start, end


LINE_TWIPS = 16838 - 2 * 1134  # the landscape A4 line of the rendered .docx (page 16838 twips, margins 1134)


def fixed_widths_table(table):
    """Gives one <w:tbl> fixed column widths, as the current DocxWriter does: the label columns share 40 % of the line,
    the value columns 60 % (the label columns are those under a non-numeric text in the last row)."""
    columns = table.count("<w:gridCol")
    rows = re.findall(r"<w:tr>.*?</w:tr>", table, re.S)
    is_value = [True] * columns
    position = 0
    for cell in re.findall(r"<w:tc>.*?</w:tc>", rows[-1], re.S):
        span = re.search(r'<w:gridSpan w:val="(\d+)"', cell)
        span = int(span.group(1)) if span else 1
        text = "".join(re.findall(r"<w:t(?: [^>]*)?>([^<]*)</w:t>", cell)).strip()
        if text and not re.fullmatch(r"[-+]?[\d.,]+\s*(万元|元)?", text):
            for c in range(position, position + span):
                is_value[c] = False
        position += span
    values = sum(is_value)
    labels = columns - values
    if values == 0 or labels == 0:
        widths = [LINE_TWIPS // columns] * columns
    else:
        widths = [LINE_TWIPS * 6 // 10 // values if v else LINE_TWIPS * 4 // 10 // labels for v in is_value]
    table = re.sub(r"<w:tblW [^>]*/>", "", table)
    table = re.sub(r"<w:tblLayout [^>]*/>", "", table)
    table = table.replace("<w:tblPr>", '<w:tblPr><w:tblW w:w="%d" w:type="dxa" />' % sum(widths), 1)
    table = table.replace("</w:tblPr>", '<w:tblLayout w:type="fixed" /></w:tblPr>', 1)
    grid = "<w:tblGrid>" + "".join('<w:gridCol w:w="%d" />' % w for w in widths) + "</w:tblGrid>"
    table = re.sub(r"<w:tblGrid>.*?</w:tblGrid>", grid, table, count=1, flags=re.S)

    def fix_row(match):
        row = match.group(0)
        out, position = [], 0
        for piece in re.split(r"(<w:tc>.*?</w:tc>)", row, flags=re.S):
            if piece.startswith("<w:tc>"):
                span = re.search(r'<w:gridSpan w:val="(\d+)"', piece)
                span = int(span.group(1)) if span else 1
                width = sum(widths[position:position + span])
                piece = re.sub(r"<w:tcW [^>]*/>", "", piece)
                piece = piece.replace("<w:tcPr>", '<w:tcPr><w:tcW w:w="%d" w:type="dxa" />' % width, 1)
                position += span
            out.append(piece)
        return "".join(out)
    return re.sub(r"<w:tr>.*?</w:tr>", fix_row, table, flags=re.S)


def fixed_widths(src, dst):
    def edit(xml):
        return re.sub(r"<w:tbl>.*?</w:tbl>", lambda m: fixed_widths_table(m.group(0)), xml, flags=re.S)
    edit_docx(src, dst, edit)


def repeat_header(src, dst):
    def edit(xml):
        start, end = section3_table_span(xml)
        table = xml[start:end]
        rows = re.split(r"(?=<w:tr>)", table)
        # rows[0] is <w:tbl><w:tblPr>…<w:tblGrid>…; then one piece per row. The header rows are the first three.
        out = [rows[0]]
        for i, row in enumerate(rows[1:]):
            props = "<w:cantSplit />" + ("<w:tblHeader />" if i < 3 else "")
            if row.startswith("<w:tr><w:trPr>"):
                row = row.replace("<w:tr><w:trPr>", "<w:tr><w:trPr>" + props, 1)
            else:
                row = row.replace("<w:tr>", "<w:tr><w:trPr>" + props + "</w:trPr>", 1)
            out.append(row)
        return xml[:start] + "".join(out) + xml[end:]
    edit_docx(src, dst, edit)


def css(src, dst, style):
    html = open(src, encoding="utf-8").read()
    html = html.replace("</head>", "<style>" + style + "</style>\n</head>", 1)
    open(dst, "w", encoding="utf-8").write(html)


# ----------------------------------------------------------------------------------------------------------------
# Damaged files


def damage(src, dst, seed):
    data = bytearray(open(src, "rb").read())
    rnd = random.Random(seed)
    start = len(data) // 2 - 2048
    for i in range(start, start + 4096):
        data[i] = rnd.randrange(256)
    # The cross-reference table / stream and trailer too, so that a reader cannot simply find the objects again.
    tail = max(len(data) - 1200, start + 4096)
    for i in range(tail, len(data) - 8):
        data[i] = rnd.randrange(256)
    open(dst, "wb").write(bytes(data))


def truncate(src, dst, fraction):
    data = open(src, "rb").read()
    open(dst, "wb").write(data[: int(len(data) * fraction)])


# ----------------------------------------------------------------------------------------------------------------
# Checks (pdfinfo, pdftotext, qpdf)

COMPAT = [(0x2E80, 0x2EFF, "CJK radicals supplement"), (0x2F00, 0x2FDF, "Kangxi radical"),
          (0xF900, 0xFAFF, "CJK compatibility ideograph"), (0xE000, 0xF8FF, "private use"), (0xFFFD, 0xFFFD, "U+FFFD")]


def run(*args):
    import subprocess
    r = subprocess.run(args, capture_output=True)
    return r.returncode, r.stdout.decode("utf-8", "replace"), r.stderr.decode("utf-8", "replace")


def drawing(path, tmp):
    """Counts of path operators in the page content streams (not in Type 3 glyph procedures or forms)."""
    rc, _, err = run("qpdf", "--qdf", "--object-streams=disable", "--decrypt", path, tmp)
    if rc not in (0, 3):
        return None
    data = open(tmp, "rb").read().decode("latin-1")
    counts = {"re f": 0, "re S": 0, "l S": 0, "m": 0, "l": 0, "re": 0, "S": 0, "f": 0, "Do (XObject)": 0}
    for m in re.finditer(r"%% Contents for page \d+\n%% Original object ID: [^\n]*\n\d+ 0 obj\n.*?stream\n(.*?)endstream", data,
                         re.S):
        body = m.group(1)
        tokens = re.findall(r"[A-Za-z*'\"]+|\S", re.sub(r"\((?:\\.|[^\\)])*\)|<[0-9A-Fa-f\s]*>", " ", body))
        for i, t in enumerate(tokens):
            if t in ("m", "l", "re", "S", "f"):
                counts[t] += 1
            if t == "Do":
                counts["Do (XObject)"] += 1
        # Rectangles filled / stroked; lines stroked (a path of m/l ending in S).
        counts["re f"] += len(re.findall(r"\bre\s+(?:[^a-zA-Z]*\s+)?f\*?\b", body))
        counts["re S"] += len(re.findall(r"\bre\s+S\b", body))
        counts["l S"] += len(re.findall(r"\bl\s+S\b", body))
    return counts


def check(folder):
    import glob
    import os
    import tempfile
    tmp = os.path.join(tempfile.mkdtemp(), "qdf.pdf")
    total = 0
    for path in sorted(glob.glob(os.path.join(folder, "*.pdf"))):
        name = os.path.basename(path)
        size = os.path.getsize(path)
        total += size
        expected = os.path.exists(path[:-4] + ".expected.json")
        rc, info, err = run("pdfinfo", path)
        pages = re.search(r"^Pages:\s+(\d+)", info, re.M)
        line = ["%-32s %8d bytes" % (name, size)]
        if rc != 0:
            line.append("pdfinfo: " + (err.strip().splitlines() or ["exit %d" % rc])[-1])
            print("  ".join(line))
            continue
        line.append("%s pages" % (pages.group(1) if pages else "?"))
        enc = re.search(r"^Encrypted:\s+(.*)$", info, re.M)
        if enc and not enc.group(1).startswith("no"):
            line.append("encrypted: " + enc.group(1))
        rc, text, err = run("pdftotext", "-layout", path, "-")
        if rc != 0:
            line.append("pdftotext: " + (err.strip().splitlines() or ["exit %d" % rc])[-1])
            print("  ".join(line))
            continue
        page_texts = text.split("\f")
        cjk = sum(1 for ch in text if 0x4E00 <= ord(ch) <= 0x9FFF)
        odd = {}
        for ch in text:
            for lo, hi, what in COMPAT:
                if lo <= ord(ch) <= hi:
                    odd.setdefault(what, set()).add("U+%04X %s" % (ord(ch), ch))
        readable = cjk > 200 and "收到和处理政府信息公开申请情况" in text and not odd
        line.append("text: %d CJK chars, %s" % (cjk, "readable" if readable else "NOT readable"))
        if odd:
            line.append("odd characters: " + "; ".join("%s: %s" % (k, ", ".join(sorted(v))) for k, v in odd.items()))
        start = [i for i, t in enumerate(page_texts) if "收到和处理政府信息公开申请情况" in t]
        last = [i for i, t in enumerate(page_texts) if "结转下年度继续办理" in t]
        if start and last:
            line.append("section 三 table on pages %d-%d%s" % (start[0] + 1, last[-1] + 1,
                                                         " (crosses a page break)" if last[-1] > start[0] else ""))
            heads = [i + 1 for i, t in enumerate(page_texts) if "申请人情况" in t]
            if len(heads) > 1:
                line.append("header 申请人情况 on pages %s" % ",".join(map(str, heads)))
        ops = drawing(path, tmp)
        if ops is not None:
            line.append("page ops: " + ", ".join("%s %d" % kv for kv in ops.items() if kv[1]))
        line.append("expected.json" if expected else "no expected.json")
        print("\n    ".join(line))
    print("total %d bytes" % total)


def add_to_cell(path, cell, delta):
    """Adds delta to one cell of a document: a report whose numbers do not add up, as real ones sometimes do."""
    doc = json.load(open(path, encoding="utf-8"))
    keys = cell.split(".")
    set_path(doc, keys, get_path(doc, keys) + delta)
    with open(path, "w", encoding="utf-8") as f:
        json.dump(doc, f, ensure_ascii=False, indent=2)
        f.write("\n")


def main(argv):
    cmd = argv[1]
    if cmd == "report":
        report(argv[2], int(argv[3]), argv[4], argv[5], int(argv[6]))
    elif cmd == "css":
        css(argv[2], argv[3], argv[4])
    elif cmd == "narrative":
        narrative(argv[2], argv[3])
    elif cmd == "fixed-widths":
        fixed_widths(argv[2], argv[3])
    elif cmd == "repeat-header":
        repeat_header(argv[2], argv[3])
    elif cmd == "damage":
        damage(argv[2], argv[3], int(argv[4]))
    elif cmd == "truncate":
        truncate(argv[2], argv[3], float(argv[4]))
    elif cmd == "add-to-cell":
        add_to_cell(argv[2], argv[3], int(argv[4]))
    elif cmd == "check":
        check(argv[2])
    else:
        sys.exit("unknown subcommand " + cmd)


if __name__ == "__main__":
    main(sys.argv)
