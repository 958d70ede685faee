"""The assistant's vocabulary in one place: how questions ask (interrogatives, follow-ups, comparisons,
distributive words), and the budget words that name totals. Names of rows, columns, tables and
departments are not listed here: they come from the stored documents."""

from __future__ import annotations

import re

# a sentence saying a thing is not there ("本单位无机关运行经费", "本部门无当年某预算收支")
STATED_NONE = re.compile(r"(?:^|[，。；：])(?:本单位|本部门|我单位|我部门|单位)?(?:20\d\d\s*年度?)?(?:无|没有|未安排|不安排|未设置|不涉及)")
# a sentence saying the document withholds something as secret ("…下的有关项级科目支出，…涉及国家秘密…，不予对外公开")
WITHHELD = re.compile(r"不予(?:对外)?公开|不(?:对外)?公开|予以剔除")
SECRET = re.compile(r"涉密|保密|秘密")
# the parts of a whole asked ("各个…分别多少", "具体用在哪些…", "明细")
BREAKDOWN_ASKED = re.compile(r"各个|各项|分别|哪些|哪几|每项|每个|明细|具体分")
# the words of a change, whichever way it went
CHANGE_WORDS = re.compile(r"(?:有所|略有|稍有|大幅)?(?:增加|减少|增长|下降|上升|变化|变动|增减)")  # ("有所减少")
# how a reason and a use are asked (one list for the whole assistant)
WHY_ASKED = (r"(?:为什么|为何|为啥)会?|(?:是|主要是)?由?(?:什么|哪些|啥)(?:原因|因素)?(?:造成|导致|引起|所致)的?|(?:主要)?是?(?:因为|由于)(?=[^，。？?]{0,16}?(?:哪些|什么|啥|哪))|怎么会|怎么回事|什么缘故|理由|缘由|(?<=原因|理由)何在|咋|怎么没有?|怎么不|为什么没有?|[多少增减涨降]在哪|怎么(?:比[^，。？?]{1,8}?|[\u4e00-\u9fa5]{1,4}?)?(?:增加|减少|多了|少了|下降|上升|涨|降)"
             r"|(?:文件|报告|说明|材料|官方)?(?:里|中|上)?(?:是)?(?:怎么|如何)解释(?:的|这个?)?")
USE_COLLOQUIAL = r"干嘛|干啥|怎么用|怎么花|用到哪|花到哪"  # a use asked in words with no other question word
# (用在 / 花在 ask a use only before 哪 / 什么: "花在会展工作上的经费是多少" asks an amount)
# ("用于X的Y有多少": 用于 describes Y, whose amount is asked; "按用途分" names a classification, asks no use)
USE_ASKED = r"用于(?![^，,。？?]*?的[^，,。？?]*?(?:多少|几何))|(?<!按)(?<!按支出)用途(?![分划拆])|(?:用|花)在(?=了?(?:哪|什么))|安排在(?=哪些(?:事|方面|地方|工作))|(?:安排|开支|列支)(?:在|于)?(?:哪些|什么)(?:方面|地方|事项)|干什么|做什么|如何使用|用来做|" + USE_COLLOQUIAL + \
    r"|给(?:谁|哪些人|什么人)|(?:补贴|补助|发放|资助|扶持|保障)对象|对象是|面向(?:谁|哪些)|惠及(?:谁|哪些)"  # who gets it
# what the money will do, asked by the work ("准备买什么", "开展哪些工作")
USE_ASKED += r"|(?:打算|准备|计划)[\u4e00-\u9fa5]{1,3}?(?:哪些|什么|啥)|(?:做|开展|干|办)了?哪些(?:工作|事情?)?"
# how the money is put to work ("怎么运作", "以什么方式开展"): the way the text says it is used
HOW_ASKED = r"(?:怎么|如何|怎样)(?:运作|运转|开展|实施|操作|落实)(?![\u4e00-\u9fa5]{0,2}(?:费|经费|资金))|(?:什么|哪种|何种|哪些)(?:方式|模式|形式)"
USE_ASKED += "|" + HOW_ASKED
# what the money keeps going or backs ("主要保障什么", "支撑哪些工作")
USE_ASKED += r"|(?:保障|保证|支撑|支持|维持)(?:了|的是)?(?:哪些|什么|啥)"
# an aim named ("目的", not the 目的 of "项目的")
AIM = r"(?<![项科题栏])目的"
# a goal or an effect asked ("想达到什么效果", "要完成哪些任务", "目标是什么")
# what a named project holds or pays by ("有哪些内容", "标准是什么"): its form says it in words
CONTENT_ASKED = re.compile(r"包括(?:哪些|什么|啥)(?:服务|工作)?内容|(?:哪些|什么|啥)(?:服务)?内容|内容(?:有|是|包括)?(?:哪些|什么|啥)|按照?(?:什么|啥|哪个|怎样的)标准|标准是(?:什么|多少)")
GOAL_ASKED = r"(?:哪些|什么|啥)(?:目标|任务|效果|成效|成果|产出)|(?:目标|任务|效果|成效|成果|产出)(?:是什么|有哪些|如何)|(?:完成|实现|达到|取得)(?:哪些|什么|啥)"
# the problems an evaluation found ("查出哪些问题", "有什么不足")
FINDING_ASKED = r"(?:哪些|什么|啥)(?:问题|不足|短板)|(?:问题|不足)(?:是什么|有哪些)|存在.{0,4}问题|不足之处"
# headings under which a project's section says what its money does
USE_HEADINGS = re.compile(r"项目概述|项目概况|实施方案|实施内容|主要内容|资金用途|用途")
# words that only stress a question ("到底是多少", "究竟花了多少"): never its subject
EMPHASIS = r"到底|究竟|大致|大体上?|差不多"
# what a whole is said to include, before it ("算上A和B后，收入总计"): no subject of its own, nor a list of asks
INCLUDING_FIRST = re.compile(r"(?:算上|加上|连同|加进|计入)[^，,。？?]{2,24}?(?:以|之)?后[，,]?")
# where a reader says the money sits ("手里有多少预算"): the body's own, no subject of its own
HELD = r"(?<=[\u4e00-\u9fa5\d])(?:手里|手头|手上)(?:面)?(?=[\u4e00-\u9fa5])"
# the unit or precision a reader asks the answer in ("按万元说就行", "请用元回答", "（按万元算）", "精确到分"), at the
# end: an instruction, not an ask (figures in 元 are given in 万元 too)
UNIT_REQUEST = re.compile(r"[，,。；;]?\s*[（(]?(?:请|麻烦)?(?:(?:按|用|以|换算成|折合成?)(?:(?:报表|表格?|原表|文件|原文)(?:里|中|上)?的?)?(?:万元|亿元|元)(?:为单位)?来?"
                          r"(?:说|回答|表示|计算?|算|给出|答|讲)?|(?:要|需要)?(?:具体|精确|准确|细|详细)到(?:万元|元|角|分|个位)(?:位|数)?"
                          r"|保留(?:两|二|2|一|1)位小数)(?:就行|就好|就可以|即可|吧)?[）)]?(?=[。.！!？?\s]*$)")
_LOOK_UP = r"(?:查一下|查查|查下|看一下|看看|看下|(?:对比|比较|比对)一?下|比一下)"  # ("帮我查一下", "麻烦看看"): a request to look something up
# how the reader wants the answer put ("请注明出处", "简单说一下就行", "只要数字", "谢谢"), after what is asked: an
# instruction, not an ask (every answer cites its sources and shows its arithmetic anyway)
ANSWER_FORM = re.compile(r"[，,。；;？?！!]\s*(?:(?:请|麻烦|并|并且|同时|顺便|也)*(?:注明|标明|标注|写明|给出|列出|附上|告诉我)"
                         r"(?:一下)?(?:数据|信息)?(?:出处|来源|页码|计算过程|计算方法|计算公式|算法)|(?:请|麻烦)?(?:计算过程|出处)"
                         r"|(?:请|麻烦)?(?:简单|简要|简短|大概|大致)地?(?:说|讲|介绍|回答|答|概括)(?:一下)?"
                         r"|(?:只要|只需|只说|只给|直接(?:给|说))个?(?:数字|数|结果|答案)|谢谢|多谢|感谢"
                         r"|(?:请|麻烦)?(?:帮我|帮忙|给我)" + _LOOK_UP + r"?|(?:请|麻烦)" + _LOOK_UP + r")"
                         r"(?:就行|就好|就可以|即可|吧|了|啊|您)?[。.！!？?\s]*$")
# a request put before the question ("能不能告诉我…", "麻烦帮我查一下…"): no part of what is asked
LEAD_REQUEST = re.compile(r"^(?:(?:你好|您好)[，,！!]?)?(?:请问|请|麻烦|劳驾)?(?:你|您)?(?:能不能|能否|可不可以|可否|可以|能)?"
                          r"(?:帮我|帮忙|给我|替我)?(?:我?想(?:要)?|我?要)?(?:告诉我|" + _LOOK_UP + r"|说说|说一下|讲讲|问一下|问下|问问|"
                          r"知道一下|知道|了解一下|了解|(?<=想)问)[，,：:]?"
                          r"(?=[\u4e00-\u9fa5\d“\"《])")
# where the figure is to be read, put first ("根据X的决算，…", "在X的某某表里，…"): the words before the release, not asked
SOURCE_LEAD = re.compile(r"^(?:根据|按照|依据|据|对照|查看|翻看|从|在)(?=[^，,。？?]{2,40}?(?:预算|决算|报告|文件|公开|材料|说明|表)"
                         r"(?:里|中|上|显示|来看|看)?[，,])")
# the columns that say where money comes from (the standard income sources of a budget table)
FUND_COLUMN = re.compile(r"财政拨款|一般公共预算|政府性基金|国有资本经营|财政专户|单位资金|事业收入|经营收入|上级补助|附属单位|"
                         r"其他收入|上年结转|结余|其他资金|自有资金|非财政")
# what readers write in other words than the documents (read first): a change on a year as "比Y年…": "较上年", "相比2025年", "和2025年的年初预算比，变多还是变少"
_YEAR_BEFORE = r"(?:20\d\d年度?|上一?年度?|去年|前一年)"
READER_FORMS = (
    (re.compile(r"(?:相较于?|相比于?|相对于?|较之于?|对比于?|较)(?=" + _YEAR_BEFORE + r"的?(?:年初)?(?:预算|决算)?数?(?:是|有所|略有)?"
                r"(?:增加|减少|增长|下降|上升|多|少|高|低|变多|变少))"), "比"),
    (re.compile(r"(?:和|与|跟|同)(" + _YEAR_BEFORE + r")的?((?:年初)?(?:预算|决算)(?:支出|收入)?数?)?(?:相)?比(?:较|起来)?[，,]?"
                r"(?=是?(?:变|多|少|增|减|高|低|上升|下降|有所|略有))"), r"比\1\2"),
    # a yes or no asked as "A没A" ("设没设", "讲没讲"): "是否A"
    (re.compile(r"(?!有)([\u4e00-\u9fa5])没\1"), r"是否\1"),  # (有没有 read as it is)
    # a gloss in brackets ("（即公用经费）", "（也就是X）"): the other name itself; "其中的X" is "其中X"
    (re.compile(r"(?<=[（(])(?:即|也就是|也即|亦即)"), ""),
    (re.compile(r"其中的(?=[\u4e00-\u9fa5]{2})"), "其中"),
    # a whole split into its parts ("X，拆成A和B两块各多少"): the parts of X, each asked
    (re.compile(r"[，,]?(?:拆成|拆分成|拆分为|分成|分为)(?=[^，。？?]{2,30}?(?:两|三|四|几)(?:块|部分|类|项)(?:各|分别))"), "，其中"),
    (re.compile(r"(?<=[\u4e00-\u9fa5])(?:两|三|四|几)(?:块|部分|类)(?=各|分别)"), ""),
    # ("A高出B多少": A比B多多少)
    (re.compile(r"((?:(?!比)[\u4e00-\u9fa5]){2,12}?)(?:高出|多出|超出|超过)((?:(?!比)[\u4e00-\u9fa5]){2,12}?)(?=(?:多少|几)(?:钱|万元|元)?[？?。]?$|(?:多少|几)(?:钱|万元|元)?[？?。，,])"),
     r"\1比\2多"),
    # two things compared, then which ("A与B的X相比，哪个多"): the comparison is the question's
    # (not a release against another, "A年决算和B年预算相比，哪个多": the years are what is compared)
    (re.compile(r"(?<!算)(?<!算数)(?:相比|比较|对比)(?:起来|之下)?[，,](?=[^，。？?]{0,8}?(?:哪|谁))"), "，"),
    (re.compile(r"变(多|少|高|低|大|小)"), r"\1"),
    (re.compile(r"(?:有所|略有|稍有)(?=增加|减少|增长|下降|上升)"), ""),
    (re.compile(r"(?:前一年|上一?年|去年)[（(](20\d\d年)[)）]"), r"\1"),  # ("比前一年（2025年）少了")
    (re.compile(r"(多|少|增加|减少)了?(?:一块|一些|一点|一部分)(?=[，,])"), r"\1了"),  # ("比2021年多了一块，")
    (re.compile(r"(?:拿到|得到|收到|获得)的(?=[\u4e00-\u9fa5]{2})"), "的"),  # ("拿到的X": X)
    # a fund as the granter, "由政府性基金预算来拨的": that fund's 拨款
    (re.compile(r"(?<![（(])(?:由|从|靠)(一般公共预算|政府性基金预算|政府性基金|财政|国有资本经营预算)(?:来|直接)?(?:拨付?|拨款|给)(?:过来)?的?"),
     r"\1拨款"),
    # "出国（境）这块": 因公出国（境）费, the 三公 part
    (re.compile(r"(?<!因公)出国[（(]境[）)](?:的?(?:费用|经费|费))?(?:这一?块|这部分|这一?项)?"), "因公出国（境）费"),
    # ("A，B占比多少": B's share of A, the clause before naming the whole)
    (re.compile(r"(?<=[\u4e00-\u9fa5”])(?<!里|中)[，,](?=[^，,。？?]{2,20}?占(?:比|了?多大比例|了?多少比例|了?百分之))"), "里，"),
    # ("X有多少，就是Y里的那部分": Y's X)
    (re.compile(r"(?<=[的年])([^\W\d_的]{2,10})(有多少|是多少|多少)[，,](?:就是|即|也就是|指的是)([^，。？?]{2,20}?)(?:里|中)的?那一?(?:部分|块|项)"
                r"[。.]?$"), r"\3里的\1\2"),
    # this year's own money, the carry-over left out ("扣除结转以后，今年自身的支出"): 本年支出
    (re.compile(r"(?:不算|不含|不包括|扣除|除去|刨去)(?:上年|上一年|以前年度)?(?:的)?结转(?:和|及|、)?(?:结余)?(?:资金)?(?:的话|以外|之外|在内)?[，,]?"
                r"(?=[^，。？?]{0,12}?(?:收入|支出))"), "本年"),
    (re.compile(r"(?:本年)?(?:当年|今年)(?:本身|自己|自身)的?(?=收入|支出)"), "本年"),
    # (a note in brackets leaving a fund out, "（不含其他资金）", after a fund named: what the fund named says already)
    (re.compile(r"(?<=[？?])?[（(](?:不含|不包括|不算)(?:其他资金|其他收入|单位资金|自有资金)[）)]"), ""),
    # a share written other ways, read as "B占A的比例": "A中有百分之多少是B" -> "A中B的比例", "占了A的百分之几"
    # ("有百分之几来自X": X's 拨款, the money it grants)
    (re.compile(r"(?:(?<=[的年，,：:])|^)((?:(?!年|的)[\u4e00-\u9fa5]){2,20}?)(?:里|中|当中)?[，,]?(?:有|是)?百分之(?:多少|几)(?:是|为|用于|用在|属于|(来自))"
                r"([^，。？?]{2,30}?)(?=[？?。]|$)"),
     lambda m: f"{m.group(3)}{'拨款' if m.group(2) and not m.group(3).endswith(('拨款', '收入')) else ''}占{m.group(1)}的比重是多少"),
    (re.compile(r"在([^，。？?]{2,20}?)(?:里|中|当中)占了?"), r"占\1"),
    # ("A当中，B比重是百分之几": B's share of A)
    (re.compile(r"((?:(?!年|的)[\u4e00-\u9fa5]){2,12}?)(?:里|中|当中|里面)[，,]?((?:(?!占)[\u4e00-\u9fa5]){2,12}?)(?:的|所占的?)?"
                r"(?:比重|比例)(?:是|为|有)?百分之(?:多少|几)"), r"\2占\1的比重是多少"),
    (re.compile(r"占了?(?!了)([^，。？?]{1,20}?)的?百分之(?:多少|几)"), r"占\1的比重是多少"),
    # a fund as the payer, "用某预算资金列支的X": the fund's X ("某预算安排的X")
    (re.compile(r"(?:用|从|由|靠)(一般公共预算|政府性基金预算|政府性基金|财政拨款|国有资本经营预算|财政专户管理|财政专户|单位资金|"
                r"事业收入|经营收入|其他收入|上年结转|自有资金)(?:拨款|资金)?(?:里|中)?"
                r"(?:(?:列支|安排|支出|支付|拨付|开支)的?|的(?=(?:部分|那部分)?[又还]?(?:有|是|占)?(?:多少|几)))"), r"\1安排的"),
    # a 三公 part with its words joined otherwise ("公车购置和运行", "出国出境"): its own name, one thing, not two
    (re.compile(r"(?:公车|公务车|公务用车)的?购置(?:与|和|、|加)运行(维护)?(?:费用|费)?"), r"公务用车购置及运行\1费"),
    # (buying a car, running one: the two parts of 公务用车购置及运行费 in a reader's words)
    (re.compile(r"(?:购买|购置|买|购)新?(?:公务用车|公务车|公车|车辆|车)的?(?:费用|钱|经费|支出|花费|费)|(?:购车|买车|买公车)(?=[和与及、])"
                r"|(?:公务车|公车|车辆)的?购置(?:费用|费|经费|支出)?(?!及|[和与、加]运行)"),
     "公务用车购置费"),
    (re.compile(r"(?<!公务)(?:公车|公务车|车辆|用车)的?(?:日常)?运行(?:维护|维修|保养)?(?:的)?(?:费用|钱|经费|支出|花费|费)?"
                r"|(?<=购置费[和与及、])日常运行(?:的)?(?:费用|钱|经费|支出|花费|费)?"), "公务用车运行维护费"),
    (re.compile(r"(?:因公)?出国(?:和|与|及|、)?出境"), "因公出国（境）"),
    (re.compile(r"(因公出国（境）|公务接待)的(?:费用|经费|开支)"), r"\1费"),  # ("因公出国（境）的费用")
    # the money's source as a clause, "来自X的拨款": X's 拨款
    (re.compile(r"来自于?([\u4e00-\u9fa5]{2,12}?)的(?=拨款|收入|资金)"), r"\1"),
)
EACH_YEAR = re.compile(r"两年|两个年度|各年")  # each year's figure asked ("两年各是多少"), both years, each
WHEN_ASKED = r"啥时候|什么时候|何时|几月|哪个月|什么时间|哪天"
# the document named as where something is said ("文件里提到的", "说明中写的"): not the subject
SOURCE_MENTION = (r"(?:部门|单位)?(?:预算|决算)?(?:报告|文件|材料|公开|说明)(?:里|中|上)所?(?:(?:说|提|写|讲|列)(?:到的?|的))?"
                  r"|(?:预算|决算)(?:里|中)所?(?:说|提|写|讲)(?:到的?|的)"
                  r"|(?:预算|决算|报告|文件|材料|公开|说明|报表|数据)(?:里|中|上)?(?:显示|表明)(?:的|出)?"
                  # ("文件解释的理由": who tells the reason, not what it is of)
                  r"|(?:官方|文件|报告|材料|部门|单位)(?:所|自己)?(?:给出|提出|列出|公布|解释|说)的?(?=[^，。？?]{0,3}(?:原因|理由|解释|说法))")
# a thing asked by what or which it is ("打造的是什么品牌", "建设哪些学科"), not an amount
THING_ASKED = re.compile(r"什么|哪些|哪几|哪个|哪一|哪项|啥")
# a clause asks something
SHARE_WORDS = r"比例|比重|占比|百分比"  # the words a share is asked in ("占比是多少", "比重多大")
INTERROGATIVE = re.compile(r"多少|几[成个项辆人次名家月年条]?|什么|哪|谁|" + WHY_ASKED + "|" + WHEN_ASKED + "|" + USE_COLLOQUIAL + r"|如何|怎么|怎样|是否|有没有|有无|吗|多大|多高|多长|多久|多远|多少钱|" + SHARE_WORDS + r"|百分|还是(?:增加|减少|增长|下降|上升|持平|多|少|高|低|增|减)"
                            r"|是(?:增|多|涨|升|高)(?:加|长)?(?:还)?是(?:减|少|降|低)")  # ("是增是减")
# the question tail of a clause, where its subject phrase ends
ASK_TAIL = re.compile(
    r"(?:各自?|分别|一共|总共|共计?|总计|合计|大概|大约|预计|计划|打算|准备)?"
    r"(?:是|为|有|要|花|安排|预算|拿到|达到|用|涨|增加|减少|发给|列支?)?了?(?:多少|几|多大|多长|多久|什么|哪些|哪|怎样|如何|" + WHY_ASKED + r")"
    r"|(?:主要)?用于|(?:主要)?用在|花在|占(?!用)|在.{1,8}中占|比(?:上年|去年|20\d\d)|较(?:上年|去年)|" + WHY_ASKED + r"|原因"
)
# a later clause that continues the first one's subject ("比上年增加了多少", "为什么", "其中…")
FOLLOW_UP = re.compile(r"^(?:那么?|而且|并且|另外|同时)?(?:其中|比|较|占|与上年|同比|" + WHY_ASKED + r"|原因|主要原因|主要|涨|降|增|减|多了|少了|"
                       r"哪一?项|哪些方面|这些钱|这笔钱|钱|是否|用于|用在|花在|发给|涉及|对|定的|目标)")
# a clause that points back at the subject before ("这个项目干什么用", "该笔资金用在哪"): no subject of its own
ANAPHOR = re.compile(r"^(?:那么?)?(?:这一?个|这一?笔|这一?项|这些|这部分|该笔?|此|其(?![他它余])|它|每一?[个项笔]|那[些个笔项])(?:项目|资金|经费|钱|支出|费用|款项?|部分)?")
# what is left of a clause once change, reason and question words are gone: its own subject, if any
SUBJECTLESS = re.compile(
    r"20\d\d年度?|上一?年度?|去年|同比|比|较|增加|减少|增长|下降|上升|涨|降|多了|少了|变化|了|会|的|是|有|" + WHY_ASKED + r"|原因|主要|"
    r"什么|多少|几|吗|呢|哪一?项|哪些|方面|其中|这个数|这个|这些|钱|怎么|如何|怎样|大涨|大幅|幅度|多大|总额|分别|各|"
    r"实际(?:决算)?(?:支出|花了?|用了?)?|最[后终](?:支出|花了?|用了?)?|支出决算|决算支出|"
    r"预算数?|决算数?|年初|低于|高于|大于|小于|超过|远|执行|差异|差距|偏差|完成"  # plan vs final of the same subject
)
# the asks are each answered ("X和Y各是多少")
# a sum of the things listed ("A和B加起来是多少")
SUM_Q = re.compile(r"加起来|加在一起|合起来|相加|之和|总和|合计(?=是?多少)")
# "一共" after things listed ("A和B一共多少") sums them; after one thing it asks that thing's total
LISTED_SUM_Q = re.compile(SUM_Q.pattern + r"|(?:一共|总共|共计|一起)(?=(?:是|有|要|需要|安排|花|用|列|拨)?了?多少)")
DISTRIBUTIVE = re.compile(r"各自?(?:是|为|有|安排|花|列支?|拨|用|占|给|需要?)?了?(?=多少|多大|几)|各自?(?:是|为|有)|分别|各多少|各是|各为|"
                          r"各自(?=[\u4e00-\u9fa5]{1,6}?(?:多少|几))")  # ("各自设了几个科室")
# how far apart two figures are ("差了多少", "多多少", "相差几万"): a comparison's own question
DIFF_ASKED = r"(?:大概|大约)?(?:相差|差距|差额|差值|差了?|多出|高出|多了?|少了?|高了?|低了?)(?:有|是)?(?:多少|几|多大)"
# the columns a total of spending is split into
SPLIT_COLUMNS = ("基本支出", "项目支出", "人员经费", "公用经费")
GAP_COUNTER = r"(?:[个人项家名次辆台所处套位]|万元|亿元|元|块?钱)?"  # ("相差几个", "差多少万元": a counter after the ask)
# a comparison between the figures the other asks give
# which body or place ("哪个部门", "哪座城市", "哪一个区")
_WHICH = r"哪(?:一)?(?:(?:个|家|座)(?:部门|单位|城市|地方|地区|市|区|县)?|项|年|笔|类|边|方)?"
COMPARE_Q = re.compile(_WHICH + r"的?(?:(?P<measure>预算|经费|资金|支出)|金额|数额|花费|安排|规模)?得?(?:更|最)?(?:高|多|大|少|低|小)|谁的?(?:(?:安排|花|用|拨|列支?|投入)得?)?(?:更|最)?(?:高|多|大|少|低)(?!多少)|"
                       r"[，,]?(?:谁|" + _WHICH + r")(?:的|(?=[^，。？?]{2,20}?较(?:高|多|大|少|低|小)|[^，。？?]{4,20}?更(?:高|多|大|少|低|小)))(?P<what>[\u4e00-\u9fa5“”\"]{2,20}?)"
                       r"(?:安排|花|用|列支?|投入)?得?(?:更|最|较)?(?:高|多|大|少|低|小)(?!多少)|"
                       r"比一比|比较一下|对比|孰高|"
                       r"(?:跟|和|与|同)(?!上一?年|去年)[^，。？?]{1,24}?(?:相)?比(?:起来)?(?:怎么样|如何|怎样|呢)|"  # (a year compared with, asked how it compares)
                       r"(?:跟|和|与|同)(?!20\d\d年|上一?年|去年)(?P<other>[^。？?]{1,30}?)(?:相)?比(?:较|起来)?[，,]?" + DIFF_ASKED)  # "和Y比，差了多少"


def without_comparison(text: str) -> str:
    """The text without its comparison ("哪个多"); "谁的财政拨款收入更高" keeps the thing compared ("财政拨款收入")."""
    # (a comma before "谁的X" stays: it parts the things compared from X)
    # ("哪家的预算高": the budget is the thing compared)
    # ("A和B的某经费相比，差多少": the thing after the other's "的" is the thing compared)
    return COMPARE_Q.sub(lambda m: ("，" if m.group(0)[:1] in "，," and m.group("what") else "")
                         + (m.group("what") or m.group("measure") or after_of(m.group("other"))), text)


def after_of(other: str | None) -> str:
    """The words after the last "的" of the other side of a comparison ("B局的某经费" -> 某经费), else "" (and for
    the release itself, "B局的部门预算": the whole budget is compared, as "哪家的预算多" asks it)."""
    x = other.rsplit("的", 1)[1] if other and "的" in other else ""
    return "" if re.fullmatch(r"(?:20\d\d年度?)?(?:部门|单位)?(?:预算|决算)(?:表|数)?", x) else x


def change_text(text: str) -> str:
    """The text without a comparison between things ("A和B比，差多少", "谁的X多？多多少"): what is left asks
    a change over the year, if anything does."""
    if not COMPARE_Q.search(text):
        return text
    return re.sub(r"(?<=[，,？?、])(?:那|而且)?" + DIFF_ASKED + GAP_COUNTER + r"(?=[？?。]|$)", "", without_comparison(text))


# the largest (or smallest) item of a table asked ("最…的项目", "哪…最多"): not a department ranking
TOP_ITEM = re.compile(r"(?:金额|花钱|钱|资金|预算)?最(大|多|高|少|低|小)的?(?:一个|一项|一笔)?(?:项目|科目|支出项|项|笔)|"
                      r"(?:金额|花钱|钱|资金|预算)?最(大|多|高|少|低|小)的?(?:一个|一项|一笔|一次|那一?[个项笔次])(?=[\u4e00-\u9fa5])|"  # ("最X的一项Y")
                      r"哪(?:个|项|一项|一个|笔)(?:项目|科目|支出)?[^，。？?、部门单位]{0,6}?最(大|多|高|少|低|小)|"
                      r"最(大|多|高|少|低|小)的(?:是|为)(?:哪个|哪项|哪一个|哪一项|什么)(?:项目|科目)")
# "多还是少": with two years named, the two years' figures compared
_UP, _DOWN = r"(?:多|高|大|增加|增长|上升)", r"(?:少|低|小|减少|下降)"
MORE_OR_LESS = re.compile(rf"{_UP}了?还是{_DOWN}|{_DOWN}了?还是{_UP}")  # ("是增加了还是减少了")
COMPARE_LOW = re.compile(r"(?:更|最)?(?:(?<!多)少(?!多少)|低|小)")
# "哪个部门三公经费最多": every department's figure, ranked (no department named)
# (or which of the bodies a name several releases share stands for: "哪个信访局")
RANKING_Q = re.compile(r"哪(?:个|家|一个|一家|些)?(?:部门|单位|机关|[\u4e00-\u9fa5]{1,6}?(?:局|委|办|厅|院|中心))(?:的)?(.{1,20}?)"
                       r"(?:是|为)?最(高|多|大|少|低|小)")
# the same with the bodies named first ("某市的几个部门里，哪个X最多", "部门中谁的X最高")
RANKING_AFTER = re.compile(r"(?:部门|单位)[^，。？?]{0,6}?[里中内]?[，,]?(?:哪(?:个|家|一个|一家)|谁)(?:的)?(.{1,20}?)(?:是|为)?最(高|多|大|少|低|小)")
# a clause that only instructs ("请算出百分比"): it belongs to the ask before it
INSTRUCTION = re.compile(r"^(?:请|麻烦|帮我|并)?(?:算出|计算|算一下|给出|列出|说明一下|换算)")
# the start of a budget noun (经费, 支出, 收入, 资金, 业务, 事务, 款, 补助, 费, 工作经费, 专项): after a short
# department name ("工会经费", "教育支出") it makes a budget subject, not a mention of the department
# the whole district, city, province or country ("全市的税收收入"): not one department's figure
REGION_WIDE = re.compile(r"全(?:区|市|省|国|县)(?!委|政府|人大|政协)")
BUDGET_NOUN_START = re.compile(r"[费支经收资业事款补]|工作|专项")
# a budget noun: what makes a clause's words a subject of its own
SUBJECT_NOUN = re.compile(r"费|成本|支出|收入|经费|资金|预算|拨款|项目|补助|补贴|工资|采购|资产|车辆|人员|编制|结转|结余|基金|科目|合计|总计|"
                          r"设备|房屋|面积|车|机构|科室|人数")  # what the asset and organisation sections count
# asked for a share, and a share given
PERCENT_Q = re.compile(r"百分|" + SHARE_WORDS + r"|几成")
# a change asked as a rate ("增幅是百分之几", "涨了百分之多少"): not a share of a whole
# a rate of execution asked (执行率, 完成率, the share of the plan spent): actual over plan
# how far the actual amount is from the plan ("实际比预算少了多少", "预算和决算差多少")
PLAN_GAP = re.compile(r"(?:比|较|与|和|跟)(?:年初|全年|调整)?预算(?:数)?(?:相比)?[^，。？?]{0,4}?(?:多|少|超|节约|节省|结余|差)[出了]?了?(?:多少|几)|"
                      r"(?:预算|决算)数?(?:和|与|跟)(?:决算|预算|实际)(?:数|支出)?(?:之间)?(?:相)?差(?:了|距)?(?:多少|几|多大)")
EXECUTION_ASKED = re.compile(r"执行率|完成率|完成了?(?:年初)?预算的?(?:百分之|比例|多少)|占年初预算数?的?(?:百分之|百分比|比例|比重|多少)")
RATE_Q = re.compile(r"(增幅|涨幅|降幅|增长率|增长|下降|减少|增加|涨|降).{0,6}(百分之|百分比|%|几成)")

# measure words that count the same things: "多少辆车" may be printed "车辆33台"
SAME_COUNT = {"辆": "辆台", "台": "台套辆", "套": "套台", "人": "人名", "名": "名人", "个": "个家所处", "家": "家个",
              "所": "所个", "处": "处个"}
# a quantity asked by its measure, and the unit that prints it ("房屋面积多大" -> "房屋8,268.74平方米")
MEASURE_Q = ((re.compile(r"面积|平方米|平米"), "平方米"),)
# the noun a printed unit stands for: "房屋8,268.74平方米" is an area, "车辆2辆" a number of vehicles
UNIT_MEANS = {"平方米": "面积", "辆": "车辆", "台": "台数", "米": "高度长度", "层": "层数"}
# a measure asked by its question word ("楼有多高", "地上几层"): the measure's own name, as texts print it
# (with how a text prints it)
MEASURE_ASKED = {"多高": ("高度", r"高度|高\s*\d"), "几层": ("层数", r"\d\s*层"), "多长": ("长度", r"长度|长\s*\d"),
                 "多宽": ("宽度", r"宽度|宽\s*\d"), "多深": ("深度", r"深度|深\s*\d")}
# one thing asked in one word and printed in another: compared as the second
SAME_WORDS = (("总额", "金额"), ("预算财政拨款", "预算拨款"), ("工作人员", "人员"))  # (a fund's "财政拨款" is its 拨款; staff are 人员)
# what a reader says for what a 决算 prints (spent "实际" is told as "支出决算为…"): a follow-up's words, as printed
PRINTED_AS = {"实际支出": "支出决算", "实际花": "支出决算", "实际执行": "执行数", "花了": "支出", "打分": "得分",
              "评分": "得分"}
# short forms the narratives print for a standard term ("涉及财拨资金997.4万元")
SHORT_FORMS = {"财政拨款": ("财拨",), "一般公共预算": ("一般预算",), "政府性基金": ("基金预算",)}


def term_in(term: str, text: str) -> bool:
    """A term, or a short form the documents print for it, is in the text."""
    return term in text or any(s in text for s in SHORT_FORMS.get(term, ()))
# "多少辆车": a count (unit 辆) of a noun (车); the documents write it "车辆 605 辆"
# (the noun may be followed by another name for it: "几个处室（部门）", "几个科室或部门")
COUNTED = re.compile(r"(?:几|多少)(辆|台|个|家|项|所|处|套|名|位)([\u4e00-\u9fa5]{1,8}?)(?=[？?，,。（(]|$|呢|吗|或)")
# "设备有几台": the counted noun written before the count
COUNTED_BEFORE = re.compile(r"([\u4e00-\u9fa5]{2})(?:一共|共|总共)?(?:有|是|为)?(?:几|多少)(辆|台|个|家|项|所|处|套|名|位)(?=[？?，,。]|$|呢|吗)")


def counted_noun(question: str) -> tuple[str, str] | None:
    """(unit, noun) of a count asked: "多少辆车" -> ("辆", "车"), "设备有几台" -> ("台", "设备")."""
    if (m := COUNTED.search(question)) and m.group(2):
        return m.group(1), m.group(2)
    if m := COUNTED_BEFORE.search(question):
        return m.group(2), m.group(1)
    return None
# asked whether the disclosure agrees with itself (answered from the publication check's findings):
# a word of mismatch or error, ...
MISMATCH = re.compile(r"对不上|对得上|对不对得上|不一致|一致|相符|不符|吻合|矛盾|冲突|勾稽|错误|错漏|差错|有误|出错|算错|加错|"
                      r"弄错|写错|填错|印错|不平|自洽|审校|校验|核对")
# ... that alone says the question is about the document's own consistency
MISMATCH_STRONG = re.compile(r"对不上|矛盾|勾稽|审校|错误|错漏|差错|有误|出错|算错|加错|弄错|写错|填错|印错|自洽")
# ... or a weaker one ("一致", "相符") about the document's own figures, tables and text
CONSISTENCY_TARGET = re.compile(r"数字|数据|数值|金额|表格?|说明|文字|正文|材料|文件|公开|报表|合计|总数|加总|前后|内部|自身|本身|"
                                r"之间|彼此|相互|互相|地方|哪里|哪些")
# a subject against another year ("和上年一致吗") asks about a change, not about consistency
OTHER_YEAR = re.compile(r"上年|去年|同比|上一年|[比较与和]20\d\d")

# a fund named in a question and the standard table that holds that fund's spending; when nothing else in the
# question names a row, the table's 合计 answers it ("政府性基金安排的支出有多少")
FUND_TABLES = {"政府性基金": "gov_fund", "国有资本经营": "state_capital", "一般公共预算": "general_public_expense"}

# how the documents write what a question asks in other words: a reason is "原因", a use "用于"
ASKED_AS_WRITTEN = ((re.compile(WHY_ASKED), "原因"), (re.compile(USE_ASKED), "用于"), (re.compile(FINDING_ASKED), "问题"),
                    (re.compile(r"总额|总共|一共|总数|总盘子"), "总计"))  # ("预算总额" is written "预算总计")

# common budget words: what is left of a subject without them names something of its own
RESIDUE_WORDS = re.compile(r"一般公共预算|全部资金|所有资金|全口径|口径|政府性基金|国有资本经营|财政拨款|基本支出|项目支出|人员经费|公用经费|拨款|收入|"
    r"部门|单位|综合|年度|本年|全年|预算|决算|中|的|了|钱|花|多少|项目|支出|经费|表里|表中|里|"
    r"三公|完成|百分之|" + SHARE_WORDS + r"|年初|上年|去年|增加|减少|增长|下降|分别|各|共|有|几|"
    r"[^\u4e00-\u9fa5]")
# words around a whole budget asked in other words ("收入预算一共多少", "预算总盘子有多大")
TOTAL_NOISE = re.compile(r"部门|单位|综合|年度|本年|当年(?=实际|支出|收入|花|用)|全年|一?整年|(?:这|那)?(?<![第头首])一年(?![初底末度])|预算|决算|实际|的|是|一共|总共|共计?|总体|整体|全部|所有|中|里|钱|花|有多?|"
    r"多大|大|安排了?|了|拿到|打算|计划|盘子|资金|金额|数额|数|为|啊|呀|需要|要|得|[加合]起来|[（）()]")
# words of money anywhere in a question ("执行了多少", "花了多少"): an indicator of a form answers no such ask
MONEY_WORDS = re.compile(r"预算|执行|资金|经费|花|钱|(?:补助|补贴)(?=$|[，,？?。]|是|有|为|多|共|总|合|加|各|分别|哪)")  # (a 补助 itself, not its 标准)
# an amount of money asked ("预算是多少", "花了多少", "多少钱"), not a count ("多少人")
# (a count, "多少辆", "多少工作人员"; not one of money, "多少人员经费")
PEOPLE_NOUN = r"(?:人员|职工|员工|干部)"  # who a headcount counts (not "人员经费", money for them)
_NOT_MONEY = rf"(?!(?:[人辆个次项台家名所处套位期]|[\u4e00-\u9fa5]{{0,4}}{PEOPLE_NOUN})(?![\u4e00-\u9fa5]{{0,8}}?(?:经费|费|资金|工资|补助|补贴|支出)))"
MONEY_ASKED = re.compile(r"(投资|预算|执行数|执行额|决算数|金额|经费|资金|费用|支出|收入|拨款)[^，。？?]{0,6}(是多少|多少|几)" + _NOT_MONEY + "|"
                         r"(安排|花|拨|投入|投|给)了?多少" + _NOT_MONEY + r"|多少(钱|资金|经费|费用|万元|元)")

# a fee asked ("…租用费是多少"): money, though MONEY_ASKED keeps to its wider words
FEE_ASKED = re.compile(r"费[^，。？?]{0,4}多少")

# asked: a change, a use, a reason, a goal, a time
CHANGE_Q = re.compile(r"比上年|较上年|比去年|同比|(?:和|与|跟|同)(?:上一?年|去年)(?:相)?比|(增加|减少|增长|下降|减|增|多|少)了?多少|变化|"
                      r"(?:增加|增长|上升)了?还是(?:减少|下降)|(?:减少|下降)了?还是(?:增加|增长|上升)")
USE_Q = re.compile(USE_ASKED + r"|(?:是)?为了(?:解决)?什么|" + AIM + "|解决什么|什么作用")
WHY_Q = re.compile(WHY_ASKED + r"|原因")
GOAL_Q = re.compile(AIM + r"|为了|解决什么|目标(?!表)|什么作用|效果|" + WHEN_ASKED)  # (a row's own words first)
WHEN_Q = re.compile(WHEN_ASKED)
# asked: a count ("几辆", "多少人"), a number of people (编制), a length or weight ("多少公里")
COUNT_Q = re.compile(r"(?:几|多少)(?:个(?=人))?(辆|人次|人|个|名|家|户|次|项|份|场|期|所|处|条|台|套|位|册|本|座|篇|批|张|件|起|栋|间|艘|架|"
                     r"公里|千米|米|吨|公顷|亩)")
# words of an ask about an item's measure that are not what is measured ("一年计划出多少期" -> "一年出")
MEASURE_NOISE = re.compile(r"的|是|了|有|会|要求?|计划|目标|指标|预计|定为|设定为?|达到|多少|几|什么|吗|呢|[^\u4e00-\u9fa5]|"
                           + COUNT_Q.pattern.replace("(?:几|多少)", "(?<=[几少])"))
# an amount per person, asked or printed ("人均多少钱", "每人每月235元", "3000元/人"): a total is none
PER_HEAD = re.compile(r"人均|每人|每名|每位|每个人|[/／]人")
HEADCOUNT_Q = re.compile(r"编制数|编制人数|人员编制|人数|(?:多少|几个?)编制|编制(?:有|是)?(?:多少|几)|"
                         r"(?:多少|几)(?:个|名|位)?[\u4e00-\u9fa5]{0,4}?" + PEOPLE_NOUN + r"(?!经费|支出|费|工资|补)|"  # "多少名在编职工"
                         + PEOPLE_NOUN + r"(?:各|共|一共|总共)?(?:有|是)?(?:多少|几)(?:名|位|人)?(?![\u4e00-\u9fa5])")  # "在职人员有几名"
# a clause saying what a figure takes in ("上年结余也算进去", "（含结转）"): the whole is asked
INCLUDED_PARTS = re.compile(r"算上|算进|加上|连同|计入|在内|^[（(](?:含|包含|包括)")
# stated: a change with its size ("减少85万元", "增长3.2%") or as none ("持平"); a change word; a time; a use
CHANGE_SIZE = re.compile(r"(增加|减少|增长|下降|上升|减|增)了?\s*[\d.,]+\s*[万元%]|持平|相同|一致|不变|无变化")
CHANGE_WORD = re.compile(r"(增加|减少|增长|下降|上升|持平|相同|一致|减|增)")
WHEN_WORD = re.compile(r"\d{1,2}月|月份|季度|上半年|下半年|年底|年初|年内")
# the use of a change asked ("多出来的钱花在哪", "新增的部分用于什么"): a release says it as the change's reason
CHANGE_USE_Q = re.compile(r"(?:多出|增加|增长|新增|涨|多)(?:来|出来)?的(?:那?部分|钱|资金|经费)?[^，。？?]{0,6}?"
                          r"(?:用|花|安排|拿去|拿来)(?:在|于|到|干|做)?")
USE_WORD = re.compile(r"用于|用途|主要包括|具体包括|旨在|为了|目标|主要(?:是|为)(?:保障|满足)[^。；，]{2,40}(?:需要|需求)")  # ("主要是保障…参展等需要")
# total rows by label, and a whole budget asked in other words ("收入预算一共多少", "预算总收入", "收支总预算")
TOTAL_NAMES = ("合计", "总计", "本年支出合计", "本年收入合计", "支出合计", "收入合计", "支出总计", "收入总计")
BARE_TOTAL = re.compile(r"^总?(收入|支出|收支|收入支出(?=总|合计|规模))?(总额|总数|总计|合计|总量|总?规模|总)?$")
# tables that hold one part of spending (基本支出 or 项目支出 only), by economic classification
PART_TABLES = ("general_public_basic", "basic_expense", "project_expense")
CJK = re.compile(r"[\u4e00-\u9fa5]")
# money measures a year's budget row does not give: asked, they need a row or sentence that names them
OTHER_MEASURES = re.compile(r"总投资|投资总额|总造价|总概算|概算|累计投资|合同金额|合同价|中标金额")
# the firm that does the work asked ("哪家公司中标", "供应商是谁"): only a row or sentence naming one answers
FIRM_ASKED = re.compile(r"哪(?:一)?[家个](?:公司|企业|供应商|服务商)|(?:中标|承接|承建|承包|供应商|服务商|承办方)[^，。？?]{0,4}?(?:是谁|是哪|哪|谁)")
FIRM_WORD = re.compile(r"公司|企业|集团|有限|事务所|供应商|服务商|中标")

# what else a question asks for, read once into Query.asked (answer.answer_for_doc reads only that)
# a work plan asked about a topic (what is planned, which key tasks): the document's work-task section
TASK_ASKED = re.compile(r"(?:打算|计划|准备)(?:[\u4e00-\u9fa5]{1,3}?(?=做|干|开展|搞|推进|举办|组织))?(?:做|干|开展|搞|推进|举办|组织)?些?(?:哪些|什么|啥)|(?:什么|哪些|啥)(?:具体)?(?:打算|计划|举措|部署)|"
                        r"(?:打算|计划|准备|要)(?:怎么|如何|怎样)(?:做|干|开展|搞|推进|抓|落实)|"
                        r"重点(?:工作|任务)|(?:工作)?任务(?:是什么|有哪些)|要(?:做|干)(?:哪些|什么|啥)|"
                        r"重点[^，。？?]{0,4}?(?:抓|做|干|推进)(?:哪些|什么|啥)(?:工作|事情?)?")
TASK_HEADINGS = re.compile(r"工作任务|工作计划|工作安排|重点工作|工作目标|主要任务|工作思路|工作要点|重点任务")
# which body a question asks for ("由哪个单位…", "谁来…"): answered by a form's field naming a body ("X单位", "X部门")
BODY_ASKED = re.compile(r"哪(?:一)?[个家](?:单位|部门|机构)?|什么(?:单位|部门|机构)|谁")
# a choice between sources ("财政给的还是单位资金")
SOURCE_CHOICE = re.compile(rf"(?:{FUND_COLUMN.pattern}|财政)[^，。？?]{{0,8}}还是[^，。？?]{{0,4}}(?:{FUND_COLUMN.pattern}|财政)"
                           r"(?:资金|拨款|的钱)?")
# where an amount's money comes from ("资金来源是什么", "是财政出资吗"): the fund columns of its row
SOURCE_ASKED = re.compile(SOURCE_CHOICE.pattern + r"|资金来源|经费来源|来源(?:是|于|渠道)|什么(?:性质的?)?(?:资金|钱)|哪[类种块笔]?(?:资金|钱)|"
                          r"钱从哪|谁出(?:的)?钱|财政(?:出钱|出资|给钱|掏钱)|是(?:不是)?财政(?:资金|拨款)")
# the budget at the start of the year asked ("年初预算多少"): in a 决算, the plan its item sentences state
# which indicators of a self-evaluation lost points ("扣分的指标", "未得满分的一项")
POINTS_LOST = re.compile(r"扣(?:了|掉)?(?:多少|几)?分|失分|丢(?:了|掉)?分|(?:没|未|没有)(?:有)?(?:得|拿)(?:到)?满分|不是满分")
YEAR_START_ASKED = re.compile(r"(?:年初|全年)预算(?:数|是|为|安排了?)?(?:多少|几)")
PLAN_FINAL = re.compile(r"(?:年初|全年)预算.{0,16}决算|决算.{0,24}(?:年初|全年)预算|预算数.{0,8}决算数|实际执行|实际决算|执行数|执行了多少")
DEFINITION_ASKED = re.compile(r"反映(?:的?是)?(?:哪些|什么)|什么是|什么叫|何为|何谓|是什么|指什么|指的是|指哪[几些两二三四五六七八九十]|包括哪些|包括什么|包括哪[几些两二三四五六七八九十]?(?:块|类|部分|方面|项(?!目))|含义|意思|哪些钱|是指|定义")
DUTY_LIST = re.compile(r"(有哪些|哪些|主要|什么)(职责|职能)|(?:职责|职能)(?:主要|都|具体|大致)?(是什么|有哪些|包括|是哪些)|负责[\u4e00-\u9fa5]{0,4}?(哪些|什么|啥)|管(?:些|着)?(什么|哪些|啥)(?!钱|费|支出)|"
                       r"[局委办厅院心站所队部会室位](?:主要|平时|具体)*是?(干|做)(什么|啥)的|管不管|归不归|主要负责(?!人)|"
                       r"(?:职责|职能)(?:里|中|当中)[^？?。]{0,20}?(?:哪些|什么|啥)")  # ("职能当中，跟X相关的有什么")
NATURE_ASKED = re.compile(r"什么性质|性质(是|为)|什么级别|(?:机构|单位)?级别|(?:加挂|挂).{0,6}牌子|合署办公|隶属(?:于)?(?:哪|什么)|是(?:个)?什么(?:样的)?(?:单位|机构)")  # a unit's nature: the opening of its duties, or the 单位性质 column
# internal offices, 机构设置: the organisation section
ORG_ASKED = re.compile(r"机构设置|内设了?(?:哪些|哪几个|几个|多少个?)?(机构|处室|科室|部门)|(几|多少)个(处室|科室)")
DUTY_WHICH = re.compile(r"(属于|是).{0,6}(哪项|哪一项|哪个|什么)(职责|职能)|哪项职责|哪一项职责")
UNITS_ASKED = re.compile(r"(包括|包含|有|由)(哪些|几[个家]|多少[个家]?)(?:下属|所属|预算)?单位|哪(?:些|几)[个家]?(?:下属|所属)?单位|单位构成|预算单位")
# the tables a release publishes, asked as a list or a count ("公开了几张表", "包括哪些预算表")
# which table a thing is printed in ("X是什么表", "有没有X的表", "X在哪张表里")
WHICH_TABLE_ASKED = re.compile(r"(?:哪|什么)(?:一|几)?[张个份类些]?(?:报)?表(?:里|中)?(?=$|[？?，,。])"
                               r"|(?:有没有|是否)(?:公开|列出|附)?了?[^，。？?]{1,16}?表(?![里中上内])")
TABLES_ASKED = re.compile(r"(?:几|多少)张(?:预算|决算)?(?:报)?表|表格?(?:一共|共|总共)?有?(?:几|多少)张|(?:公开|包括|包含|附|有)了?(?:哪些|哪几张|什么)(?:预算|决算)?(?:报)?表(?![里中上内])")
# whether the release tells of a thing ("有没有说明X情况", "是否单独交代了X"): its 目录 entries answer
SECTION_HAS_ASKED = re.compile(r"(?:有没有|是否|有无)(?:单独|专门)?的?(?P<verb>说明|交代|讲到?|介绍|提到|涉及|写到?|附上?|列出?|包括|包含)?"
                               r"了?(?:单独|专门)?的?(?:关于)?(?P<what>[^，,。？?]{2,24})")
# what kind of release it is: a choice of kinds ("单位预算或部门预算"), its level or kind asked ("哪一级的预算")
_KIND = r"(?:(?:部门|单位)(?:综合)?)?(?:预算|决算)"
RELEASE_KIND_ASKED = re.compile(_KIND + r"[，,]?(?:还是|或是|或者是?)" + _KIND + r"|(?:哪一?|什么)(?:级|类|种|层级|级别)的?" + _KIND + r"(?![^，。？?]{0,6}(?:收入|支出|经费|资金|拨款))"
                                r"|" + _KIND + r"(?:算|是|属于)(?:哪一?|什么)(?:级|类|种|层级|级别)(?:的)?(?=$|[，。？?吗呢])")
# the parts a release is written in, asked as a list or a count ("由哪些部分构成", "分成几个部分")
PARTS_ASKED = re.compile(r"(?:几|哪几|哪些|多少)(?:个|大)?部分|分(?:为|成)(?:几|哪)")
# what one part of it holds ("“X”这一部分讲了哪些内容")
PART_CONTENT_ASKED = re.compile(r"(?:讲|说|写|介绍|包括|包含|涉及|有|列)了?(?:哪些|哪几|什么)(?:内容|方面|事项|部分|项|张?表)?")
YEARLY_ASKED = re.compile(r"全年(?!预算)(?![^，。？?]{0,6}?(?:支出|收入|花|用掉|拨款|经费|资金|决算|执行数))|累计")  # a yearly result ("全年接待多少"), told in the narrative
# the 三公 parts as asked; "出国（境）费", "接待费" are often written without 因公 / 公务
# a score asked of a project's evaluation ("自评得分", "打了多少分"), not one indicator's
# a Latin word or a number that names a thing ("12345热线", "APEC"): not a year, an amount or a count (nor "CT",
# which a document may print in words)
_ID_MARK = re.compile(r"(?<![A-Za-z])[A-Za-z]{3,}(?![A-Za-z])|(?<![\d.])\d{4,}(?![\d.,，万亿元%％个人辆台项年月日号多余])")


def id_marks(text: str) -> list[str]:
    """The identifying Latin words and numbers of a subject, which any row or sentence naming it prints."""
    return [m for m in _ID_MARK.findall(text) if not re.fullmatch(r"(?:19|20)\d\d", m)]


SCORE_COLUMN = re.compile(r"得分|分数|分值|评分")  # a column of points, not of money
SCORE_ASKED = re.compile(r"(?:自评|绩效|评价|综合|总|整体)(?:得分|分数|打分|评分)|总分|(?:得|打|评)了?多少分|几分")
# 人员经费 by the economic classification of 基本支出, when no table prints it: these two classes (code, name)
PERSONNEL_CLASSES = (("301", "工资福利支出"), ("303", "对个人和家庭的补助"))
SANGONG_STEMS = (  # (stems: understand.SANGONG_PARTS are the full names)
    "因公出国", "公务接待", "公务用车购置及运行", "公务用车购置费", "公务用车运行", "公务用车购置", "公务用车")
# a table a question may ask about that a document can print empty
# a level of the functional classification asked ("公安下面各个项级科目"): 类 3 digits, 款 5, 项 7
LEVEL_ASKED = re.compile(r"([类款项])级(?:科目)?|([类款项])一级(?:科目)?")
LEVELS = {"类": 1, "款": 2, "项": 3}

EMPTY_KINDS = {"政府性基金": "gov_fund", "国有资本经营": "state_capital", "政府采购": "procurement",
               "国有资产": "assets", "固定资产": "assets", "三公": "sanggong"}


def sangong_words(text: str) -> str:
    """"出国（境）费", "接待费": the 三公 parts are often written without 因公 / 公务."""
    # (a 接待中心, a 用车 plan: not the 三公 parts, which are money: 接待费, 用车运行费)
    # ("公车", "公务车" are how people say 公务用车: as a word of their own, not inside a name a release prints,
    # "公车使用单位", "公务车管理")
    text = re.sub(r"(?<=用车)的(?=购置|运行|运维)", "", text)  # ("公务用车的运行维护费": 公务用车运行维护费)
    text = re.sub(r"(?:公车|公务车)(?=的?(?:费|经费|支出|开支|运行|购置|维护|花|钱|预算)|这|那|是|有|为|多少|呢|一共|总共|[和及与]"
                  r"|[^\u4e00-\u9fa5]|$)", "公务用车", text)
    # the parts in everyday words: buying cars, keeping them running, hosting guests, trips abroad
    text = re.sub(r"(?:买|购买|购置|新购|添置|采购)(?:公务用车|公务车|公车|车辆|汽车|新车|车)", "公务用车购置费", text)
    text = re.sub(r"养(?:公务用车|公务车|公车|车辆|车)|(?:公车|车辆)的?(?:运行|维护|运维|保养)(?!维护)(?=的?(?:费|钱|经费|支出|开支|花|多少))", "公务用车运行", text)
    text = re.sub(r"请客吃饭|请客|宴请|吃请|招待(?!所|中心)(?:客人|来宾|费)?", "公务接待", text)
    text = re.sub(r"(?<![（(])出境|出访", "因公出国", text)
    if "三公" in text:  # (the parts said in a word each, "接待" for 公务接待)
        text = re.sub(r"(?<!公务)(接待|用车)(?!所|中心|室|大厅|站|处|单位|人|量|数|次)", r"公务\1", text)
    return re.sub(r"(?<!因公)出国", "因公出国",
                  re.sub(r"(?<!公务)(接待|用车)(?=的?(?:费|经费|支出|开支|运行|购置|维护|花))", r"公务\1", text))


# "有哪几笔结转资金，各是多少": the rows of a table, each with its amount
# "归在哪类科目": the 科目 rows the money is printed under
SUBJECT_ASKED = r"(?:列在|列入|归在|属于|放在)?(?:哪个|哪些|哪一?类|什么)(?:支出|功能)?(?:科目|类别|分类)(?:下|里)?"
LISTING_Q = re.compile(r"哪(?:几|些)(?:笔|个|项|家)|哪些项目|(?:是|有)哪一?个项目|"
                       r"项目(?:支出)?(?:都|主要|具体|分别|各自?)?(?:有|包括|是)哪(?:些|几个)|" + SUBJECT_ASKED)


def asked_kinds(text: str) -> set[str]:
    """What a question asks for besides a figure: plan vs final, a use, a reason, a definition, 三公, duties or
    units, a change or yearly result, a goal, and the tables it names that may be printed empty ("empty:<kind>")."""
    found = {name for name, pat in (("plan_final", PLAN_FINAL), ("use", USE_Q), ("why", WHY_Q), ("define", DEFINITION_ASKED),
                                    ("duty", DUTY_LIST), ("duty", DUTY_WHICH), ("duty", UNITS_ASKED), ("duty", ORG_ASKED), ("duty", NATURE_ASKED), ("goal", GOAL_Q),
                                    ("change", YEARLY_ASKED)) if pat.search(text)}
    if CHANGE_Q.search(change_text(text)):
        found.add("change")
    if found & {"why", "use", "goal"}:
        found.discard("define")  # "原因是什么", "用途是什么": a reason or a use, not a term's definition
    if (m := LISTING_Q.search(text)) and not found & {"use", "duty"} and not re.search(r"指哪[几些两二三四五六七八九十]", text):
        found.add("list")
        if "项目" in m.group(0):
            found.discard("define")  # ("有哪些项目": the projects listed, not what the word means)
    if TOP_ITEM.search(text):  # the list's largest (smallest) item asked, not a definition
        found = (found - {"define"}) | {"list"}
    if "三公" in text or any(p in sangong_words(text) for p in SANGONG_STEMS):
        found.add("sanggong")
    return found | {f"empty:{kind}" for word, kind in EMPTY_KINDS.items() if word in text}
