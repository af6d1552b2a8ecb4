"""A fictional but realistic review year, so that every view has something to show.

Four districts of four circles, fifteen units, fourteen planners (one team
serves two units), five reviewers per district review group, three city
reviewers; every 3-1, 3-2, 4-2, 4-3 and 5-1 sheet filled and finalised, and a
4-1 summary written. Names are invented; the scores are drawn from a fixed
seed, with one lenient, one strict and one erratic reviewer so that the
dashboards have something to find.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from decimal import Decimal

from sqlalchemy.orm import Session

from zeshi_desktop.demo.pictures import street_scene
from zeshi_desktop.demo.yeardata import PictureRecord, SheetRecord, YearData, load_year
from zeshi_desktop.domain.forms import Form
from zeshi_desktop.services import catalogue

DEMO_YEAR = 2025

DISTRICTS = [
    ("DC", "东城区", "首都功能核心区", ["东华门街道", "景山街道", "交道口街道", "东四街道"]),
    ("CY", "朝阳区", "中心城区", ["呼家楼街道", "双井街道", "望京街道", "劲松街道", "酒仙桥街道"]),
    ("TZ", "通州区", "城市副中心", ["北苑街道", "潞城镇", "宋庄镇", "玉桥街道"]),
    ("YQ", "延庆区", "生态涵养区", ["香水园街道", "八达岭镇"]),
]

SURNAMES = "王李张刘陈杨赵黄周吴徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤"
GIVEN = "晓明华建国志强丽娟伟芳敏静磊军洋勇艳杰涛超秀英霞平刚桂兰文博思远嘉怡雨欣子涵浩然梓轩宇航佳琪一诺若曦"
ORGS = ["北京市城市规划设计研究院", "清华大学建筑学院", "北京建筑大学", "中国城市规划设计研究院",
        "北京工业大学城市建设学部", "北京清华同衡规划设计研究院", "中国建筑设计研究院", "北京林业大学园林学院"]
DISCIPLINES = ["城乡规划", "建筑学", "结构工程", "风景园林", "市政交通"]
SUGGESTIONS = [
    "希望进一步明确责师参与项目审查的流程和时限。",
    "基础资料获取渠道不够畅通，建议建立资料共享机制。",
    "报酬支付周期较长，建议按季度支付。",
    "建议加强跨区责师之间的经验交流。",
    "社区居民参与积极性有待提高，希望街道给予更多组织支持。",
    "",
]
REASONS = ["合同签订较晚，报酬至年底仍未到位。", "部分会议未通知责师参加。", "资料需多次申请才能获得。"]


def person_name(rng: random.Random) -> str:
    return rng.choice(SURNAMES) + "".join(rng.choice(GIVEN) for _ in range(rng.choice((1, 2))))


def score_items(form: Form, quality: float, rng: random.Random, bias: float = 0.0, noise: float = 0.08
                ) -> dict[str, Decimal]:
    """Item scores around ``quality`` (0..1) of each maximum, in 0.5 steps, within range."""
    out = {}
    for item in form.items:
        share = min(1.0, max(0.0, quality + bias + rng.gauss(0, noise)))
        value = Decimal(round(float(item.max) * share * 2) / 2).quantize(Decimal("0.1"))
        out[item.id] = min(item.max, max(Decimal(0), value)).normalize()
    return out


def bonus_scale(form: Form, scores: dict[str, Decimal], rng: random.Random) -> dict[str, Decimal]:
    """Bonus items are rarer than regular ones: most planners earn a few of them."""
    for part in form.parts:
        if part.id == "bonus":
            for item in part.items:
                if rng.random() < 0.45:
                    scores[item.id] = Decimal(0)
    return scores


def questionnaire_answers(form: Form, rng: random.Random, mood: float) -> dict[str, str]:
    q = form.questionnaire
    assert q is not None
    answers: dict[str, str] = {f"yes_no:{y.id}": "yes" if rng.random() < 0.85 else "no" for y in q.yes_no}
    weights = [max(0.05, mood), 0.35, 0.2, max(0.03, 0.25 - mood / 3)]
    for s in q.statements:
        choice = rng.choices([o.zh for o in q.options], weights=weights)[0]
        answers[f"choice:{s.id}"] = choice
        if choice == q.reason_option:
            answers[f"reason:{s.id}"] = rng.choice(REASONS)
    answers[f"free_text:{q.free_text.id}"] = rng.choice(SUGGESTIONS)
    return answers


@dataclass(frozen=True)
class ReviewerStyle:
    bias: float = 0.0
    noise: float = 0.06


STYLES = [ReviewerStyle(), ReviewerStyle(0.08), ReviewerStyle(-0.12), ReviewerStyle(0.0, 0.2), ReviewerStyle(0.02)]

SUMMARY = {
    "overview": ("{d}共划定责任单元{n}个，聘任责任规划师团队{p}个，实现责任规划师服务全覆盖。"
                 "本年度区级责师工作专班围绕街区更新、公共空间改造和基层治理开展工作，"
                 "组织培训四次、现场调研二十余次，形成工作建议六十余条。"),
    "focus": ("本年度工作重点包括：一是围绕本区圈层定位，推动街区保护更新与民生改善；二是建立责师“周例会、月报告”制度，"
              "保障责师全过程参与规划建设项目；三是探索党建引领基层治理新模式，推动责师与社区党组织共建。"),
    "taskforce_building": "区规自分局牵头组建区级责师工作专班，成员包括各街道、镇城市管理部门负责人及行业专家。",
    "taskforce_funds": "全区责师经费纳入区级财政预算，本年度更换团队一个，原因为原团队负责人工作调动。",
    "taskforce_review": "按照《北京市责任规划师制度实施办法》完成年度考核，推荐区级优秀责任规划师两名。",
    "taskforce_reporting": "全年报送工作专报十二期，在市级平台发布宣传文章八篇。",
    "next_steps": "下一步将进一步完善责师考核机制，加强责师与多师协同，推动优秀案例复制推广。",
}
CASE = ("{u}背街小巷环境整治项目：责任规划师团队深入社区开展调研，累计走访居民三百余户，梳理问题清单四十余项。"
        "团队协助街道编制整治方案，组织居民议事会六次，推动完成公共空间改造两处、停车秩序优化一处。"
        "项目实施过程中，责师全程跟踪施工质量，及时反馈居民意见，并协调交通、园林等部门解决管线改移和绿化补植问题。"
        "整治完成后，街巷环境明显改善，居民满意度显著提升，形成了“居民提需求、责师出方案、街道抓落实”的工作机制，"
        "为全区背街小巷精细化治理提供了可复制的经验。项目还结合党建引领，组织社区党员志愿者参与日常维护，"
        "建立了长效管理制度，获得市级城市更新优秀案例提名。"
        "\n\n一、背景与问题：片区内背街小巷建成年代较早，普遍存在路面破损、架空线凌乱、违规停车占道、"
        "绿化缺失和公共照明不足等问题，老年居民出行不便，商户与居民之间也时有矛盾。"
        "\n\n二、责师的工作方法：责师团队采用“一巷一策”的方式，逐条街巷绘制现状图和问题图，"
        "以居民议事会、入户访谈和线上问卷相结合的方式收集意见，共回收问卷五百余份；"
        "在方案阶段组织三轮公示，针对停车和绿化两项分歧较大的内容，邀请交通和园林专家现场答疑，"
        "最终形成居民认可的整治方案。"
        "\n\n三、实施成效：整治涉及街巷六条，总长约两公里，新增休憩座椅二十余处、口袋绿地三处，"
        "规范停车位一百余个，架空线入地一点二公里；施工期间未发生居民投诉事件。"
        "\n\n四、经验与启示：一是坚持问题导向，从居民最关心的小事入手；二是坚持全过程参与，"
        "让居民在设计、施工和维护各环节都有发言权；三是坚持部门协同，由街道牵头、责师统筹、"
        "各部门按职责推进，形成工作合力。")


def demo_year(year: int = DEMO_YEAR, seed: int = 20251) -> YearData:
    rng = random.Random(seed)
    forms = catalogue.forms()
    data = YearData(year=year)
    planner_no = 0
    team_for_two: str | None = None
    for d_code, d_name, circle, unit_names in DISTRICTS:
        data.districts.append({"code": d_code, "name": d_name, "circle": circle})
        data.settings.append({"district": d_code, "street_weight": 40 if d_code != "CY" else 30,
                              "district_weight": 60 if d_code != "CY" else 70, "trimmed": d_code == "CY"})
        for r in range(5):
            data.reviewers.append({"code": f"{d_code}-R{r + 1}", "level": "district", "district": d_code,
                                   "name": person_name(rng), "organisation": rng.choice(ORGS)})
        for u_no, u_name in enumerate(unit_names, start=1):
            u_code = f"{d_code}-U{u_no:02d}"
            kind = "镇" if u_name.endswith("镇") else "街道"
            data.units.append({"code": u_code, "district": d_code, "name": u_name, "kind": kind})
            if d_code == "DC" and u_name == "东四街道" and team_for_two:
                p_code = team_for_two
            else:
                planner_no += 1
                p_code = f"P{planner_no:03d}"
                is_team = planner_no % 3 != 0
                leader = person_name(rng)
                org = rng.choice(ORGS)
                members = []
                if is_team:
                    for k in range(rng.randint(3, 6)):
                        members.append({"name": person_name(rng), "discipline": DISCIPLINES[k % 5],
                                        "qualification": rng.choice(["注册城乡规划师", "高级工程师", "工程师", "注册建筑师", ""]),
                                        "is_core": True})
                data.planners.append({
                    "code": p_code, "name": f"{org.replace('北京市', '').replace('北京', '')[:8]}{leader}团队" if is_team else leader,
                    "is_team": is_team, "organisation": org, "full_time": rng.random() < 0.3, "leader": leader,
                    "leader_title": rng.choice(["教授级高级工程师", "高级工程师", "副教授", "工程师"]),
                    "leader_senior_title": rng.random() < 0.85, "leader_registered": rng.random() < 0.6,
                    "leader_experience_years": rng.randint(2, 20), "members": members})
                if d_code == "DC" and u_name == "交道口街道":
                    team_for_two = p_code
                    data.planners[-1]["is_team"] = True
                    data.planners[-1]["name"] = "清华同衡街区更新团队"
                    data.planners[-1]["leader_senior_title"] = True
                    data.planners[-1]["members"] = [
                        {"name": person_name(rng), "discipline": dsc, "qualification": "注册城乡规划师", "is_core": True}
                        for dsc in DISCIPLINES]
            renewal = rng.random() < 0.6
            data.appointments.append({
                "unit": u_code, "planner": p_code, "term_start": year - (1 if renewal else 0),
                "term_years": rng.choice((1, 2, 3)) if renewal else 1, "renewal": renewal,
                "contract_signed": not (d_code == "YQ" and u_no == 2), "fee_paid": rng.random() < 0.8,
                "fee_amount": rng.choice((150000, 200000, 250000, 300000))})
    for c in range(3):
        data.reviewers.append({"code": f"CITY-R{c + 1}", "level": "city", "name": person_name(rng),
                               "organisation": rng.choice(ORGS)})
    _fill(data, forms, rng)
    return data


def _fill(data: YearData, forms: dict[str, Form], rng: random.Random) -> None:
    quality = {a["unit"]: rng.uniform(0.62, 0.95) for a in data.appointments}
    reviewers_of: dict[str, list[str]] = {}
    for r in data.reviewers:
        if r["level"] == "district":
            reviewers_of.setdefault(r["district"], []).append(r["code"])
    units = {u["code"]: u for u in data.units}
    for a in data.appointments:
        u, p = a["unit"], a["planner"]
        q = quality[u]
        s31 = bonus_scale(forms["3-1"], score_items(forms["3-1"], q, rng), rng)
        data.sheets.append(SheetRecord("3-1", unit_code=u, planner_code=p, scores=s31,
                                       answers={"header:office": units[u]["name"] + "办事处"},
                                       remarks=rng.choice(["工作扎实，沟通顺畅。", "建议加强驻场时间。",
                                                           "积极参与街区更新，成效明显。", ""])))
        for i, r_code in enumerate(reviewers_of[units[u]["district"]]):
            style = STYLES[i % len(STYLES)]
            data.sheets.append(SheetRecord("3-2", unit_code=u, planner_code=p, reviewer_code=r_code,
                                           scores=score_items(forms["3-2"], q, rng, style.bias, style.noise)))
        data.sheets.append(SheetRecord("5-1", unit_code=u, planner_code=p,
                                       answers=questionnaire_answers(forms["5-1"], rng, q - 0.4)))
    city_reviewers = [r["code"] for r in data.reviewers if r["level"] == "city"]
    rule = forms["4-2"].contract_rule
    assert rule is not None
    for d in data.districts:
        dq = rng.uniform(0.7, 0.93)
        signed = all(a["contract_signed"] for a in data.appointments if units[a["unit"]]["district"] == d["code"])
        data.sheets.append(SheetRecord("4-2", district_code=d["code"],
                                       scores=score_items(forms["4-2"], dq + 0.04, rng),
                                       answers={rule.id: "yes" if signed else "no",
                                                "header:org": f"北京市规划和自然资源委员会{d['name'][:-1]}分局"}))
        for i, r_code in enumerate(city_reviewers):
            data.sheets.append(SheetRecord("4-3", district_code=d["code"], reviewer_code=r_code,
                                           scores=score_items(forms["4-3"], dq if d["code"] != "YQ" else 0.9, rng,
                                                              STYLES[i].bias / 2)))
        n_units = sum(1 for u in data.units if u["district"] == d["code"])
        text = {f"text:{k}": v.format(d=d["name"], n=n_units, p=n_units) for k, v in SUMMARY.items()}
        first_unit = next(u["name"] for u in data.units if u["district"] == d["code"])
        text["text:cases#1"] = CASE.format(u=first_unit)
        text["title:cases#1"] = f"{first_unit}背街小巷环境整治"
        pictures = (PictureRecord("cases#1", f"{first_unit}整治前.png", "image/png", street_scene(2 * n_units)),
                    PictureRecord("cases#1", f"{first_unit}整治后.png", "image/png", street_scene(2 * n_units + 1)))
        data.sheets.append(SheetRecord("4-1", status="final", district_code=d["code"], answers=text,
                                       pictures=pictures))


def load_demo(session: Session, year: int = DEMO_YEAR) -> dict[str, int]:
    """Fill an empty store with the demo year (one transaction, the caller's)."""
    return load_year(session, demo_year(year))
