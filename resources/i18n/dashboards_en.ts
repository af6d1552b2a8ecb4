<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_GB" sourcelanguage="zh_CN">
  <context>
    <name>dashboards</name>
    <message>
      <source>区级评审看板</source>
      <translation>District dashboard</translation>
    </message>
    <message>
      <source>市级评审看板</source>
      <translation>City dashboard</translation>
    </message>
    <message>
      <source>问卷汇总</source>
      <translation>Questionnaire summary</translation>
    </message>
    <message>
      <source>历年结果</source>
      <translation>Results by year</translation>
    </message>
    <message>
      <source>是</source>
      <translation>Yes</translation>
    </message>
    <message>
      <source>否</source>
      <translation>No</translation>
    </message>
    <message>
      <source>未答</source>
      <translation>Not answered</translation>
    </message>
    <message>
      <source>各区排名（4-3 与 4-2）</source>
      <translation>Districts (4-3 and 4-2)</translation>
    </message>
    <message>
      <source>圈层对比</source>
      <translation>Circles</translation>
    </message>
    <message>
      <source>市级评审人</source>
      <translation>City reviewers</translation>
    </message>
    <message>
      <source>市级评审（4-3）与自评（4-2）</source>
      <translation>City review (4-3) and self-assessment (4-2)</translation>
    </message>
    <message>
      <source>各圈层责任片区平均总分（3-3）</source>
      <translation>Mean unit total per circle (3-3)</translation>
    </message>
    <message>
      <source>排名</source>
      <translation>Rank</translation>
    </message>
    <message>
      <source>区</source>
      <translation>District</translation>
    </message>
    <message>
      <source>圈层</source>
      <translation>Circle</translation>
    </message>
    <message>
      <source>市级评审 4-3</source>
      <translation>City review 4-3</translation>
    </message>
    <message>
      <source>自评 4-2</source>
      <translation>Self-assessment 4-2</translation>
    </message>
    <message>
      <source>合同签订</source>
      <translation>Contracts</translation>
    </message>
    <message>
      <source>等级</source>
      <translation>Band</translation>
    </message>
    <message>
      <source>可评优秀</source>
      <translation>May be excellent</translation>
    </message>
    <message>
      <source>责任片区</source>
      <translation>Unit</translation>
    </message>
    <message>
      <source>平均</source>
      <translation>Mean</translation>
    </message>
    <message>
      <source>最低</source>
      <translation>Min</translation>
    </message>
    <message>
      <source>最高</source>
      <translation>Max</translation>
    </message>
    <message>
      <source>推荐优秀</source>
      <translation>Recommended</translation>
    </message>
    <message>
      <source>区内排名</source>
      <translation>Rank in district</translation>
    </message>
    <message>
      <source>责任规划师</source>
      <translation>Planner</translation>
    </message>
    <message>
      <source>总分</source>
      <translation>Total</translation>
    </message>
    <message>
      <source>全部</source>
      <translation>All</translation>
    </message>
    <message>
      <source>人数</source>
      <translation>Reviewers</translation>
    </message>
    <message>
      <source>标准差</source>
      <translation>Std. dev.</translation>
    </message>
    <message>
      <source>离群评审人</source>
      <translation>Outlying reviewers</translation>
    </message>
    <message>
      <source>评审人</source>
      <translation>Reviewer</translation>
    </message>
    <message>
      <source>平均偏差</source>
      <translation>Mean offset</translation>
    </message>
    <message>
      <source>倾向</source>
      <translation>Leaning</translation>
    </message>
    <message>
      <source>各责任片区（按 3-3 总分）——圈层：</source>
      <translation>Units by 3-3 total — circle:</translation>
    </message>
    <message>
      <source>否（合同）</source>
      <translation>No (contracts)</translation>
    </message>
    <message>
      <source>平均总分</source>
      <translation>Mean total</translation>
    </message>
    <message>
      <source>{year} 年度 · 合同规则：“{q}”回答“否”的区不能评为“{band}”（标红）。</source>
      <translation>{year} · Contract rule: a district answering 'no' to “{q}” cannot be rated “{band}” (in red).</translation>
    </message>
    <message>
      <source>未完成</source>
      <translation>Incomplete</translation>
    </message>
    <message>
      <source>否：合同未全部签订</source>
      <translation>No: contracts not all signed</translation>
    </message>
    <message>
      <source>与自评之差：{d}</source>
      <translation>Minus self-assessment: {d}</translation>
    </message>
    <message>
      <source>操作被拒绝</source>
      <translation>The action was refused</translation>
    </message>
    <message>
      <source>偏严</source>
      <translation>Strict</translation>
    </message>
    <message>
      <source>偏松</source>
      <translation>Lenient</translation>
    </message>
    <message>
      <source>一致</source>
      <translation>In line</translation>
    </message>
    <message>
      <source>区级评审会议看板</source>
      <translation>District review meeting</translation>
    </message>
    <message>
      <source>筛选：责任片区或责师</source>
      <translation>Filter: unit or planner</translation>
    </message>
    <message>
      <source>排名与推荐</source>
      <translation>Ranking and recommendations</translation>
    </message>
    <message>
      <source> 分</source>
      <translation> pts</translation>
    </message>
    <message>
      <source>评审人离散度</source>
      <translation>Reviewer spread</translation>
    </message>
    <message>
      <source>评审人宽严</source>
      <translation>Strict / lenient</translation>
    </message>
    <message>
      <source>评分项得分率</source>
      <translation>Item shares</translation>
    </message>
    <message>
      <source>去掉最高最低分的影响</source>
      <translation>Trimmed-mean impact</translation>
    </message>
    <message>
      <source>去掉一个最高分和一个最低分后的平均分</source>
      <translation>the mean without the highest and the lowest total</translation>
    </message>
    <message>
      <source>各评审人总分的平均分</source>
      <translation>the mean of the reviewers' totals</translation>
    </message>
    <message>
      <source>评审人平均偏差（分）</source>
      <translation>Reviewers' mean offset (points)</translation>
    </message>
    <message>
      <source>导出</source>
      <translation>Export</translation>
    </message>
    <message>
      <source>已导出</source>
      <translation>Exported</translation>
    </message>
    <message>
      <source>导出结果文件 Excel</source>
      <translation>Result file to Excel</translation>
    </message>
    <message>
      <source>导出结果文件 PDF</source>
      <translation>Result file to PDF</translation>
    </message>
    <message>
      <source>导出会议报告 PDF</source>
      <translation>Meeting report PDF</translation>
    </message>
    <message>
      <source>还没有区。请先在名册中添加区。</source>
      <translation>No district yet. Add one in the roster first.</translation>
    </message>
    <message>
      <source>推荐为区级优秀责任规划师（勾选即保存）</source>
      <translation>Recommend as an excellent planner of the district (saved when ticked)</translation>
    </message>
    <message>
      <source>加权3-1</source>
      <translation>Weighted 3-1</translation>
    </message>
    <message>
      <source>加权3-2</source>
      <translation>Weighted 3-2</translation>
    </message>
    <message>
      <source>评审表已全部定稿</source>
      <translation>All sheets are final</translation>
    </message>
    <message>
      <source>提交方</source>
      <translation>From</translation>
    </message>
    <message>
      <source>已定稿</source>
      <translation>Final</translation>
    </message>
    <message>
      <source>草稿</source>
      <translation>Draft</translation>
    </message>
    <message>
      <source>缺交</source>
      <translation>Missing</translation>
    </message>
    <message>
      <source>单位</source>
      <translation>Organisation</translation>
    </message>
    <message>
      <source>评审数</source>
      <translation>Scored</translation>
    </message>
    <message>
      <source>离群次数</source>
      <translation>Outliers</translation>
    </message>
    <message>
      <source>附件3-1 各项得分率（%）</source>
      <translation>Annex 3-1 item shares (%)</translation>
    </message>
    <message>
      <source>附件3-2 各项得分率（%）</source>
      <translation>Annex 3-2 item shares (%)</translation>
    </message>
    <message>
      <source>平均分排名</source>
      <translation>Rank (mean)</translation>
    </message>
    <message>
      <source>总分（平均）</source>
      <translation>Total (mean)</translation>
    </message>
    <message>
      <source>去高低后排名</source>
      <translation>Rank (trimmed)</translation>
    </message>
    <message>
      <source>总分（去高低）</source>
      <translation>Total (trimmed)</translation>
    </message>
    <message>
      <source>变化</source>
      <translation>Change</translation>
    </message>
    <message>
      <source>会议报告</source>
      <translation>meeting report</translation>
    </message>
    <message>
      <source>考核评优结果</source>
      <translation>result file</translation>
    </message>
    <message>
      <source>Excel 工作簿 (*.xlsx)</source>
      <translation>Excel workbook (*.xlsx)</translation>
    </message>
    <message>
      <source>PDF (*.pdf)</source>
      <translation>PDF (*.pdf)</translation>
    </message>
    <message>
      <source>区：</source>
      <translation>District:</translation>
    </message>
    <message>
      <source>等级：</source>
      <translation>Band:</translation>
    </message>
    <message>
      <source>离群距离（与其他评审人平均分相差超过）：</source>
      <translation>Outlier distance (from the other reviewers' mean, more than):</translation>
    </message>
    <message>
      <source>{year} 年度 · 权重：责任片区行政主体 {street}%，区级评审组 {group}% · 区级评审组最终得分取{agg}</source>
      <translation>{year} · Weights: office {street}%, review group {group}% · review group score: {agg}</translation>
    </message>
    <message>
      <source>3-1 得分 {score} × {weight}%</source>
      <translation>3-1 score {score} × {weight}%</translation>
    </message>
    <message>
      <source>3-2 最终得分 {score} × {weight}%</source>
      <translation>3-2 final score {score} × {weight}%</translation>
    </message>
    <message>
      <source>离群 {n} 处</source>
      <translation>{n} outliers</translation>
    </message>
    <message>
      <source>平均偏差 = 该评审人总分减去其他评审人平均分，再对所评各责任片区取平均。负数为偏严，正数为偏松；±{tol} 分以内视为一致。</source>
      <translation>Mean offset = the reviewer's total minus the other reviewers' mean, averaged over the units scored. Negative = strict, positive = lenient; within ±{tol} points = in line.</translation>
    </message>
    <message>
      <source>改用去掉一个最高分和一个最低分后的平均分：{changed} 个责任片区的排名会改变（最多 {max} 位）；{trim} 个责任片区有不少于 5 位评审人。当前采用：{now}。</source>
      <translation>With the trimmed mean (highest and lowest total dropped) {changed} units change rank (by at most {max}); {trim} units have at least 5 reviewers. In use: {now}.</translation>
    </message>
    <message>
      <source>导出失败</source>
      <translation>Export failed</translation>
    </message>
    <message>
      <source>已写入 {path}</source>
      <translation>Written to {path}</translation>
    </message>
    <message>
      <source>待交评审表：{n} 张</source>
      <translation>Sheets outstanding: {n}</translation>
    </message>
    <message>
      <source>得分率</source>
      <translation>Share</translation>
    </message>
    <message>
      <source>去掉最高最低分</source>
      <translation>trimmed mean</translation>
    </message>
    <message>
      <source>算术平均</source>
      <translation>mean</translation>
    </message>
    <message>
      <source>附件</source>
      <translation>Annex</translation>
    </message>
    <message>
      <source>回答分布</source>
      <translation>Answers</translation>
    </message>
    <message>
      <source>不同意的理由</source>
      <translation>Reasons for disagreeing</translation>
    </message>
    <message>
      <source>难点与建议</source>
      <translation>Difficulties and suggestions</translation>
    </message>
    <message>
      <source>各观点的回答分布（份）</source>
      <translation>Answers per statement (count)</translation>
    </message>
    <message>
      <source>调查问卷汇总（附件5-1）</source>
      <translation>Questionnaire summary (Annex 5-1)</translation>
    </message>
    <message>
      <source>观点</source>
      <translation>Statement</translation>
    </message>
    <message>
      <source>认可比例</source>
      <translation>Agreeing</translation>
    </message>
    <message>
      <source>回答</source>
      <translation>Answers</translation>
    </message>
    <message>
      <source>不同意</source>
      <translation>Disagree</translation>
    </message>
    <message>
      <source>不同意理由</source>
      <translation>Reason</translation>
    </message>
    <message>
      <source>责任单元</source>
      <translation>Unit</translation>
    </message>
    <message>
      <source>难点/建议</source>
      <translation>Difficulty / suggestion</translation>
    </message>
    <message>
      <source>圈层：</source>
      <translation>Circle:</translation>
    </message>
    <message>
      <source>{year} 年度 · 已定稿问卷 {n} 份 · {yn}</source>
      <translation>{year} · {n} final questionnaires · {yn}</translation>
    </message>
    <message>
      <source>{q}：是 {yes}，否 {no}</source>
      <translation>{q}: yes {yes}, no {no}</translation>
    </message>
    <message>
      <source>各评审人总分（红 = 离群，黑 = 平均）</source>
      <translation>Reviewers' totals (red = outlier, black = mean)</translation>
    </message>
    <message>
      <source>评审人总分</source>
      <translation>Reviewer total</translation>
    </message>
    <message>
      <source>离群</source>
      <translation>Outlier</translation>
    </message>
    <message>
      <source>责任规划师：</source>
      <translation>Planner:</translation>
    </message>
    <message>
      <source>年度</source>
      <translation>Year</translation>
    </message>
    <message>
      <source>推荐</source>
      <translation>Recommended</translation>
    </message>
    <message>
      <source>4-3</source>
      <translation>4-3</translation>
    </message>
    <message>
      <source>4-2</source>
      <translation>4-2</translation>
    </message>
    <message>
      <source>{name}：历年总分（3-3）</source>
      <translation>{name}: 3-3 total by year</translation>
    </message>
    <message>
      <source>{name}：历年得分</source>
      <translation>{name}: scores by year</translation>
    </message>
  </context>
</TS>
