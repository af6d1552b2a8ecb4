<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_GB" sourcelanguage="zh_CN">
  <context>
    <name>zeshi</name>
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
      <source>回避与透镜</source>
      <translation>Recusals and lens</translation>
    </message>
    <message>
      <source>优秀责师评选</source>
      <translation>Excellent planners</translation>
    </message>
    <message>
      <source>市级评审（4-3）与自评（4-2）</source>
      <comment>chart title</comment>
      <translation>City 4-3 and self 4-2</translation>
    </message>
    <message>
      <source>各圈层责任片区平均总分（3-3）</source>
      <translation>Mean unit total per circle (3-3)</translation>
    </message>
    <message>
      <source>市级评审看板</source>
      <translation>City dashboard</translation>
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
      <source>市级评审 4-3</source>
      <comment>chart legend</comment>
      <translation>City 4-3</translation>
    </message>
    <message>
      <source>自评 4-2</source>
      <comment>chart legend</comment>
      <translation>Self 4-2</translation>
    </message>
    <message>
      <source>平均总分</source>
      <translation>Mean total</translation>
    </message>
    <message>
      <source>{year} 年度 · 合同规则：“{q}”回答“否”的区不能评为“{band}”（标红）。</source>
      <translation>{year} · Contract rule: a district answering 'no' to "{q}" cannot be rated "{band}" (in red).</translation>
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
      <source>；</source>
      <translation>; </translation>
    </message>
    <message>
      <source>与自评之差：{d}</source>
      <translation>Minus self-assessment: {d}</translation>
    </message>
    <message>
      <source>区级评审会议看板</source>
      <translation>District review meeting</translation>
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
      <source>导出</source>
      <translation>Export</translation>
    </message>
    <message>
      <source>排名与推荐</source>
      <translation>Ranking and recommendations</translation>
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
      <source>推荐与结果反馈</source>
      <translation>Nominations and feedback</translation>
    </message>
    <message>
      <source>续聘参考</source>
      <translation>Renewal reference</translation>
    </message>
    <message>
      <source>还没有区。请先在名册中添加区。</source>
      <translation>No district yet. Add one in the roster first.</translation>
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
      <source>已导出</source>
      <translation>Exported</translation>
    </message>
    <message>
      <source>正在导出…</source>
      <translation>Exporting…</translation>
    </message>
    <message>
      <source>区：</source>
      <translation>District:</translation>
    </message>
    <message>
      <source>{year} 年度 · 权重：责任片区行政主体 {street}%，区级评审组 {group}% · 区级评审组最终得分取{agg}</source>
      <translation>{year} · Weights: office {street}%, review group {group}% · review group score: {agg}</translation>
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
      <source>筛选：责任片区或责师</source>
      <translation>Filter: unit or planner</translation>
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
      <source>推荐为区级优秀责任规划师（勾选即保存）</source>
      <translation>Recommend as an excellent planner of the district (saved when ticked)</translation>
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
      <source>等级：</source>
      <translation>Band:</translation>
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
      <source>待交评审表：{n} 张</source>
      <translation>Sheets outstanding: {n}</translation>
    </message>
    <message>
      <source>附件{form}</source>
      <translation>Annex {form}</translation>
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
      <source> 分</source>
      <translation> pts</translation>
    </message>
    <message>
      <source>评审人平均偏差（分）</source>
      <translation>Reviewers' mean offset (points)</translation>
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
      <comment>how far a unit's rank moves</comment>
      <translation>Move</translation>
    </message>
    <message>
      <source>离群距离（与其他评审人平均分相差超过）：</source>
      <translation>Outlier distance (from the other reviewers' mean, more than):</translation>
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
      <source>{reviewer} {total}（{distance}）</source>
      <translation>{reviewer} {total} ({distance})</translation>
    </message>
    <message>
      <source>{item}：{share}（{mean}/{max}）</source>
      <translation>{item}: {share} ({mean}/{max})</translation>
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
      <source>历年结果</source>
      <translation>Results by year</translation>
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
    <message>
      <source>批量打印与空白表…</source>
      <translation>Print many and blank forms…</translation>
    </message>
    <message>
      <source>导入名册…</source>
      <translation>Import roster…</translation>
    </message>
    <message>
      <source>导出名册…</source>
      <translation>Export roster…</translation>
    </message>
    <message>
      <source>开始新年度…</source>
      <translation>Start a new year…</translation>
    </message>
    <message>
      <source>无法导入</source>
      <translation>Cannot import</translation>
    </message>
    <message>
      <source>没有写入任何数据。</source>
      <translation>Nothing was written.</translation>
    </message>
    <message>
      <source>无法导入这个文件。</source>
      <translation>This file cannot be imported.</translation>
    </message>
    <message>
      <source>请改正下列各处后重新导出或填写：</source>
      <translation>Correct each of these and export or fill in again:</translation>
    </message>
    <message>
      <source>采用交接包 {0}</source>
      <translation>package's side taken {0}</translation>
    </message>
    <message>
      <source>保留本机 {0}</source>
      <translation>own side kept {0}</translation>
    </message>
    <message>
      <source>开始新年度</source>
      <translation>Start a new year</translation>
    </message>
    <message>
      <source>新年度从上一年度的名册开始：聘期未满的聘任、评审组成员和 3-3 权重随之带入，评审表和分数不带入。带入后仍可在名册中修改。</source>
      <translation>A new year starts from the roster of the year before: appointments still in their term, the review groups and the 3-3 weights come along; no sheet and no score does. The roster can still be edited afterwards.</translation>
    </message>
    <message>
      <source>从年度：</source>
      <translation>From year:</translation>
    </message>
    <message>
      <source>新年度：</source>
      <translation>New year:</translation>
    </message>
    <message>
      <source>带入评审组成员（编号改为新年度的编号）</source>
      <translation>Carry the review groups over (their codes take the new year)</translation>
    </message>
    <message>
      <source>带入各区 3-3 权重与汇总方式</source>
      <translation>Carry each district's 3-3 weights and averaging over</translation>
    </message>
    <message>
      <source>聘期已满的责师按续聘带入，续聘</source>
      <translation>Carry planners whose term has ended as renewals, for</translation>
    </message>
    <message>
      <source> 年（合同待签）</source>
      <translation> year(s) (contract to sign)</translation>
    </message>
    <message>
      <source>还没有任何年度：请先导入名册。</source>
      <translation>There is no year yet: import a roster first.</translation>
    </message>
    <message>
      <source>正在开始新年度…</source>
      <translation>Starting the new year…</translation>
    </message>
    <message>
      <source>{0} 年度将从 {1} 年度带入：{2} 个聘任（其中续聘 {3} 个）、{4} 位评审人、{5} 个区的 3-3 权重。</source>
      <translation>Year {0} will take from {1}: {2} appointment(s) ({3} of them renewals), {4} reviewer(s), the 3-3 weights of {5} district(s).</translation>
    </message>
    <message>
      <source>以下 {0} 项不带入：</source>
      <translation>Not carried over ({0}):</translation>
    </message>
    <message>
      <source>已开始 {0} 年度。</source>
      <translation>Year {0} has started.</translation>
    </message>
    <message>
      <source>批量打印与空白表</source>
      <translation>Print many and blank forms</translation>
    </message>
    <message>
      <source>已填的评审表</source>
      <translation>Filled sheets</translation>
    </message>
    <message>
      <source>空白表（发放或手填）</source>
      <translation>Blank forms (to hand out or fill by hand)</translation>
    </message>
    <message>
      <source>年度：</source>
      <translation>Year:</translation>
    </message>
    <message>
      <source>全部区</source>
      <translation>All districts</translation>
    </message>
    <message>
      <source>双面打印（每份补足偶数页）</source>
      <translation>Two-sided (each document padded to an even page count)</translation>
    </message>
    <message>
      <source>关闭</source>
      <translation>Close</translation>
    </message>
    <message>
      <source>保存为 PDF…</source>
      <translation>Save as PDF…</translation>
    </message>
    <message>
      <source>预览和打印…</source>
      <translation>Preview and print…</translation>
    </message>
    <message>
      <source>附件：</source>
      <translation>Annexes:</translation>
    </message>
    <message>
      <source>全选</source>
      <translation>Select all</translation>
    </message>
    <message>
      <source>全不选</source>
      <translation>Select none</translation>
    </message>
    <message>
      <source>请至少勾选一个附件。</source>
      <translation>Tick at least one annex.</translation>
    </message>
    <message>
      <source>正在准备打印…</source>
      <translation>Preparing to print…</translation>
    </message>
    <message>
      <source>表头填入年度 {0}</source>
      <translation>Write the year {0} in the heading</translation>
    </message>
    <message>
      <source>正在生成 PDF…</source>
      <translation>Making the PDF…</translation>
    </message>
    <message>
      <source>有 {0} 份未能打印</source>
      <translation>{0} document(s) could not be printed</translation>
    </message>
    <message>
      <source>新增</source>
      <translation>added</translation>
    </message>
    <message>
      <source>更新</source>
      <translation>changed</translation>
    </message>
    <message>
      <source>移至他区</source>
      <translation>moved to another district</translation>
    </message>
    <message>
      <source>没有改动</source>
      <translation>no change</translation>
    </message>
    <message>
      <source>导出名册</source>
      <translation>Export roster</translation>
    </message>
    <message>
      <source>导入名册</source>
      <translation>Import roster</translation>
    </message>
    <message>
      <source>名册是一个 Excel 工作簿（区、责任单元、责师、团队成员、聘任、评审人），按编号匹配：已有的编号更新，新的编号新增。先看预览，点“导入”才写入；有错误的单元格时不写入任何数据。</source>
      <translation>The roster is an Excel workbook (districts, units, planners, team members, appointments, reviewers) matched by code: a code already here is updated, a new code is added. Check the preview; nothing is written until you click Import, and nothing at all while a cell is wrong.</translation>
    </message>
    <message>
      <source>选择名册工作簿（.xlsx）</source>
      <translation>Choose the roster workbook (.xlsx)</translation>
    </message>
    <message>
      <source>浏览…</source>
      <translation>Browse…</translation>
    </message>
    <message>
      <source>文件：</source>
      <translation>File:</translation>
    </message>
    <message>
      <source>导入到年度：</source>
      <translation>Into year:</translation>
    </message>
    <message>
      <source>导入</source>
      <translation>Import</translation>
    </message>
    <message>
      <source>Excel 工作簿 (*.xlsx);;所有文件 (*)</source>
      <translation>Excel workbook (*.xlsx);;All files (*)</translation>
    </message>
    <message>
      <source>新增</source>
      <comment>rows</comment>
      <translation>Added</translation>
    </message>
    <message>
      <source>更新</source>
      <comment>rows</comment>
      <translation>Changed</translation>
    </message>
    <message>
      <source>未变</source>
      <comment>rows</comment>
      <translation>Unchanged</translation>
    </message>
    <message>
      <source>工作表</source>
      <translation>Worksheet</translation>
    </message>
    <message>
      <source>编号</source>
      <translation>Code</translation>
    </message>
    <message>
      <source>名称</source>
      <translation>Name</translation>
    </message>
    <message>
      <source>变化</source>
      <translation>Changes</translation>
    </message>
    <message>
      <source>详情</source>
      <translation>Details</translation>
    </message>
    <message>
      <source>正在导入名册…</source>
      <translation>Importing the roster…</translation>
    </message>
    <message>
      <source>名册</source>
      <translation>Roster</translation>
    </message>
    <message>
      <source>正在导出名册…</source>
      <translation>Exporting the roster…</translation>
    </message>
    <message>
      <source>已导出 {0} 年度名册（{1}）。</source>
      <translation>The roster of {0} was exported ({1}).</translation>
    </message>
    <message>
      <source>{field}：{value}</source>
      <translation>{field}: {value}</translation>
    </message>
    <message>
      <source>正在读取名册…</source>
      <translation>Reading the roster…</translation>
    </message>
    <message>
      <source>已导入 {0} 年度名册：{1}</source>
      <translation>The roster of {0} was imported: {1}</translation>
    </message>
    <message>
      <source>{0} 个责任单元将移到另一个区，它们的评审表随之移动。</source>
      <translation>{0} unit(s) will move to another district, and their sheets with them.</translation>
    </message>
    <message>
      <source>名册有 {0} 处错误，请改正后重新预览；不会写入任何数据。</source>
      <translation>The roster has {0} error(s): correct them and preview again. Nothing will be written.</translation>
    </message>
    <message>
      <source>{sheet}：新增 {added}，更新 {changed}</source>
      <translation>{sheet}: {added} added, {changed} changed</translation>
    </message>
    <message>
      <source>无法写入 {0}：{1}</source>
      <translation>Cannot write {0}: {1}</translation>
    </message>
    <message>
      <source>名册与本机 {0} 年度的名册相同，没有需要导入的内容。</source>
      <translation>The roster is the same as this computer's roster of {0}: there is nothing to import.</translation>
    </message>
    <message>
      <source>确认无误后点“导入”：先备份本机数据库，再写入 {0} 年度。</source>
      <translation>When it looks right, click Import: the database is backed up, then the roster is written into {0}.</translation>
    </message>
    <message>
      <source>已保存</source>
      <translation>Saved</translation>
    </message>
    <message>
      <source>打开所在文件夹</source>
      <translation>Open folder</translation>
    </message>
    <message>
      <source>已保存到：
{0}</source>
      <translation>Saved to:
{0}</translation>
    </message>
    <message>
      <source>已备份到：
{0}</source>
      <translation>Backed up to:
{0}</translation>
    </message>
    <message>
      <source>欢迎使用责师评审</source>
      <translation>Welcome to the planners' review</translation>
    </message>
    <message>
      <source>以后也可以在“文件”菜单中找到这些操作。</source>
      <translation>All of these are in the File menu too.</translation>
    </message>
    <message>
      <source>打开演示数据</source>
      <translation>Open the demo</translation>
    </message>
    <message>
      <source>一个虚构的评审年度（4 个区、15 个责任单元），可随意试用；在单独的文件中，不改动这个数据库。</source>
      <translation>A fictional review year (4 districts, 15 units) to try anything on; in a file of its own, this database is left as it is.</translation>
    </message>
    <message>
      <source>区级专班：从 Excel 名册（区、责任单元、责师、聘任、评审人）开始本年度，导入前先预览。</source>
      <translation>District office: start the year from the Excel roster (districts, units, planners, appointments, reviewers), previewed before it is imported.</translation>
    </message>
    <message>
      <source>导入交接包…</source>
      <translation>Import package…</translation>
    </message>
    <message>
      <source>街道或评审人：导入区级专班发来的交接包，本机即得到需要评审的责师和评审表。</source>
      <translation>Street office or reviewer: import the package the district office sent; this computer then has the planners and sheets to score.</translation>
    </message>
    <message>
      <source>设定本机角色…</source>
      <translation>Set this computer's role…</translation>
    </message>
    <message>
      <source>从备份恢复…</source>
      <translation>Restore from a backup…</translation>
    </message>
    <message>
      <source>用以前的备份替换这个数据库（恢复前先检查备份是否完好）。</source>
      <translation>Put an earlier backup in place of this database (the backup is checked first).</translation>
    </message>
    <message>
      <source>备份…</source>
      <translation>Back up…</translation>
    </message>
    <message>
      <source>检查数据</source>
      <translation>Check data</translation>
    </message>
    <message>
      <source>数据位置…</source>
      <translation>Where the data is…</translation>
    </message>
    <message>
      <source>尚未设定。街道、区级专班、市级专班或评审人的电脑：决定本机接收哪些交接包。</source>
      <translation>Not set yet. A street office, the district office, the city office or a reviewer's laptop: decides which packages this computer takes.</translation>
    </message>
    <message>
      <source>正在准备演示数据…</source>
      <translation>Preparing the demo…</translation>
    </message>
    <message>
      <source>这个数据库还是空的（{0}）。一个评审年度可以从下面任一项开始：</source>
      <translation>This database is still empty ({0}). A review year can begin with any of these:</translation>
    </message>
    <message>
      <source>本机是{0}。交接包只在它的目的地导入。</source>
      <translation>This computer is: {0}. A package is imported only where it is addressed.</translation>
    </message>
    <message>
      <source>无法完成</source>
      <translation>Cannot do that</translation>
    </message>
    <message>
      <source>提示</source>
      <translation>Note</translation>
    </message>
    <message>
      <source>取消</source>
      <translation>Cancel</translation>
    </message>
    <message>
      <source>定稿</source>
      <translation>Finalise</translation>
    </message>
    <message>
      <source>解锁</source>
      <translation>Unlock</translation>
    </message>
    <message>
      <source>修改</source>
      <translation>Change</translation>
    </message>
    <message>
      <source>冲突处理</source>
      <translation>Conflict</translation>
    </message>
    <message>
      <source>第一次录入</source>
      <translation>First entry</translation>
    </message>
    <message>
      <source>复核录入</source>
      <translation>Second entry</translation>
    </message>
    <message>
      <source>裁定</source>
      <translation>Resolve</translation>
    </message>
    <message>
      <source>回避</source>
      <translation>Recused</translation>
    </message>
    <message>
      <source>撤回回避</source>
      <translation>Withdraw recusal</translation>
    </message>
    <message>
      <source>时间</source>
      <translation>Time</translation>
    </message>
    <message>
      <source>操作人</source>
      <translation>By</translation>
    </message>
    <message>
      <source>身份</source>
      <translation>Role</translation>
    </message>
    <message>
      <source>操作</source>
      <translation>Action</translation>
    </message>
    <message>
      <source>项目</source>
      <translation>Item</translation>
    </message>
    <message>
      <source>原值 → 新值</source>
      <translation>Old → new</translation>
    </message>
    <message>
      <source>理由</source>
      <translation>Reason</translation>
    </message>
    <message>
      <source>审计记录</source>
      <translation>Audit log</translation>
    </message>
    <message>
      <source>该评审表还没有审计记录（定稿、解锁及解锁后的修改会记录在此）。</source>
      <translation>No audit entries yet (finalising, unlocking and changes after unlocking are recorded here).</translation>
    </message>
    <message>
      <source>裁定人姓名（不能是两位录入人之一）</source>
      <translation>Name of the person who resolves (neither typist)</translation>
    </message>
    <message>
      <source>裁定人：</source>
      <translation>Resolved by:</translation>
    </message>
    <message>
      <source>保存裁定</source>
      <translation>Save decisions</translation>
    </message>
    <message>
      <source>核对两次录入</source>
      <translation>Compare the two entries</translation>
    </message>
    <message>
      <source>评分项</source>
      <translation>Item</translation>
    </message>
    <message>
      <source>满分</source>
      <translation>Max</translation>
    </message>
    <message>
      <source>第一次</source>
      <translation>First</translation>
    </message>
    <message>
      <source>第二次</source>
      <translation>Second</translation>
    </message>
    <message>
      <source>状态</source>
      <translation>State</translation>
    </message>
    <message>
      <source>裁定值</source>
      <translation>Decision</translation>
    </message>
    <message>
      <source>裁定理由</source>
      <translation>Reason for the decision</translation>
    </message>
    <message>
      <source>尚无录入人记录。</source>
      <translation>No typist recorded yet.</translation>
    </message>
    <message>
      <source>不一致</source>
      <translation>Differ</translation>
    </message>
    <message>
      <source>两次录入一致（或差异均已裁定），可以定稿。</source>
      <translation>The two entries agree (or every difference is resolved): the sheet can be finalised.</translation>
    </message>
    <message>
      <source>请至少为一项不一致写明裁定值和理由。</source>
      <translation>Give a decision and a reason for at least one difference.</translation>
    </message>
    <message>
      <source>第 {0} 次录入：{1}</source>
      <translation>Entry {0}: {1}</translation>
    </message>
    <message>
      <source>已裁定</source>
      <translation>Resolved</translation>
    </message>
    <message>
      <source>一致</source>
      <comment>entries</comment>
      <translation>Agree</translation>
    </message>
    <message>
      <source>{0} 项不一致：请对照纸质表，在“裁定值”中填写应采用的分数（留空表示该项不填）并写明理由。</source>
      <translation>{0} item(s) differ: check the paper sheet, type the score to keep under "Decision" (empty leaves the item blank) and give the reason.</translation>
    </message>
    <message>
      <source>纸质表的第二次录入（隐藏第一次录入）与两次录入的核对、裁定</source>
      <translation>Type a paper sheet a second time (the first entry hidden); compare and resolve the two entries</translation>
    </message>
    <message>
      <source>复核录入（第二次录入）…</source>
      <translation>Second entry (type the paper again)…</translation>
    </message>
    <message>
      <source>核对两次录入…</source>
      <translation>Compare the two entries…</translation>
    </message>
    <message>
      <source>该评审人已对此责师回避：本行不评分，也不计入最终得分。</source>
      <translation>This reviewer has recused from this planner: the row is not scored and does not count.</translation>
    </message>
    <message>
      <source>回避…</source>
      <translation>Recusals…</translation>
    </message>
    <message>
      <source>登记或撤回评审人的回避，查看系统提示的可能冲突</source>
      <translation>Declare or withdraw a reviewer's recusal; see the conflicts the roster suggests</translation>
    </message>
    <message>
      <source>请先选择要复核录入的评审表。</source>
      <translation>Choose the sheet to type a second time first.</translation>
    </message>
    <message>
      <source>该评审表还没有第二次录入：请先用“复核录入”录入一遍。</source>
      <translation>This sheet has no second entry yet: type it once with "Second entry" first.</translation>
    </message>
    <message>
      <source>{0} 已对{1}回避（{2}）：本表不填写，也不计入最终得分。</source>
      <translation>{0} has recused from {1} ({2}): this sheet is not filled and does not count.</translation>
    </message>
    <message>
      <source>回避：{0}</source>
      <translation>Recused: {0}</translation>
    </message>
    <message>
      <source>已登记的回避</source>
      <translation>Recusals declared</translation>
    </message>
    <message>
      <source>管理回避…</source>
      <translation>Manage recusals…</translation>
    </message>
    <message>
      <source>评审人宽严与离散</source>
      <translation>Reviewers: leniency and spread</translation>
    </message>
    <message>
      <source>正式排名与假设排名（仅供参考）</source>
      <translation>Official and what-if ranking (for information)</translation>
    </message>
    <message>
      <source>各总分的标准分 z（按评审人自身）</source>
      <translation>z-scores (within each reviewer's own totals)</translation>
    </message>
    <message>
      <source>回避对象</source>
      <translation>Recused from</translation>
    </message>
    <message>
      <source>平均总分</source>
      <comment>lens</comment>
      <translation>Mean</translation>
    </message>
    <message>
      <source>标准差</source>
      <comment>lens</comment>
      <translation>SD</translation>
    </message>
    <message>
      <source>平均偏差</source>
      <comment>lens</comment>
      <translation>Offset</translation>
    </message>
    <message>
      <source>评审对象</source>
      <translation>Subject</translation>
    </message>
    <message>
      <source>正式排名</source>
      <translation>Rank</translation>
    </message>
    <message>
      <source>假设排名</source>
      <translation>What-if</translation>
    </message>
    <message>
      <source>变化</source>
      <comment>lens</comment>
      <translation>Move</translation>
    </message>
    <message>
      <source>正式得分</source>
      <translation>Score</translation>
    </message>
    <message>
      <source>标准化得分</source>
      <translation>Normalised</translation>
    </message>
    <message>
      <source>未评（回避或无定稿表）</source>
      <translation>Not scored (recused, or no finalised sheet)</translation>
    </message>
    <message>
      <source>该评审人各总分相同</source>
      <translation>All this reviewer's totals are equal</translation>
    </message>
    <message>
      <source>登记人：</source>
      <translation>Recorded by:</translation>
    </message>
    <message>
      <source>评审对象数：</source>
      <translation>Subjects: </translation>
    </message>
    <message>
      <source>假设排名比正式排名高 {0} 名</source>
      <translation>{0} place(s) higher in the what-if ranking</translation>
    </message>
    <message>
      <source>假设排名比正式排名低 {0} 名</source>
      <translation>{0} place(s) lower in the what-if ranking</translation>
    </message>
    <message>
      <source>登记回避</source>
      <translation>Declare recusal</translation>
    </message>
    <message>
      <source>如：同为北京建筑大学；选“其他”时必填</source>
      <translation>e.g. both at the same university; required for "other"</translation>
    </message>
    <message>
      <source>登记人姓名（记入审计记录）</source>
      <translation>Who records this (kept in the audit log)</translation>
    </message>
    <message>
      <source>评审人：</source>
      <translation>Reviewer:</translation>
    </message>
    <message>
      <source>回避对象：</source>
      <translation>Recused from:</translation>
    </message>
    <message>
      <source>理由：</source>
      <translation>Reason:</translation>
    </message>
    <message>
      <source>说明：</source>
      <translation>Details:</translation>
    </message>
    <message>
      <source>全市</source>
      <translation>Whole city</translation>
    </message>
    <message>
      <source>系统根据名册提示可能的利益冲突：评审人的单位与责师所在单位或团队成员的单位相同，或市级评审人来自被评审的区。是否回避由评审组决定：回避的评审人不为该对象评分，其评审表不计入，该对象的最终得分取其余评审人总分的平均分（或去掉最高最低分后的平均分）。</source>
      <translation>The roster suggests possible conflicts of interest: a reviewer at the planner's or a team member's institution, or a city reviewer from the district under review. The panel decides: a recused reviewer does not score the subject, no sheet of theirs counts, and the subject's final score is the mean (or trimmed mean) of the other reviewers' totals.</translation>
    </message>
    <message>
      <source>系统提示的可能冲突</source>
      <translation>Conflicts the roster suggests</translation>
    </message>
    <message>
      <source>按提示登记回避…</source>
      <translation>Declare the suggested recusal…</translation>
    </message>
    <message>
      <source>新增回避…</source>
      <translation>New recusal…</translation>
    </message>
    <message>
      <source>撤回回避…</source>
      <translation>Withdraw recusal…</translation>
    </message>
    <message>
      <source>已回避</source>
      <translation>Recused</translation>
    </message>
    <message>
      <source>未回避</source>
      <translation>Not recused</translation>
    </message>
    <message>
      <source>请选择评审人和回避对象。</source>
      <translation>Choose the reviewer and the subject.</translation>
    </message>
    <message>
      <source>回避与利益冲突</source>
      <translation>Recusals and conflicts of interest</translation>
    </message>
    <message>
      <source>附件</source>
      <translation>Annex</translation>
    </message>
    <message>
      <source>提示依据</source>
      <translation>Why suggested</translation>
    </message>
    <message>
      <source>登记人</source>
      <translation>Recorded by</translation>
    </message>
    <message>
      <source>登记时间</source>
      <translation>Recorded at</translation>
    </message>
    <message>
      <source>请先在“已登记的回避”中选择一项。</source>
      <translation>Choose a recusal in "Recusals declared" first.</translation>
    </message>
    <message>
      <source>附件3-2 区级评审组</source>
      <translation>Annex 3-2, district review group</translation>
    </message>
    <message>
      <source>附件4-3 市级评审组</source>
      <translation>Annex 4-3, city review group</translation>
    </message>
    <message>
      <source>撤回 {0} 对“{1}”的回避。
理由（记入审计记录）：</source>
      <translation>Withdraw the recusal of {0} from "{1}".
Reason (kept in the audit log):</translation>
    </message>
    <message>
      <source>{0}（{1}）</source>
      <translation>{0} ({1})</translation>
    </message>
    <message>
      <source>复核录入模式：第一次录入的分数已隐藏。请对照纸质表逐项录入，保存后程序逐项比较两次录入。</source>
      <translation>Second-entry mode: the first entry's scores are hidden. Type the paper sheet item by item; after saving, the program compares the two entries.</translation>
    </message>
    <message>
      <source>第一次录入人姓名（如尚未记录）</source>
      <translation>Name of the first typist (if not recorded yet)</translation>
    </message>
    <message>
      <source>第一次录入人：</source>
      <translation>First typist:</translation>
    </message>
    <message>
      <source>复核录入人姓名（须与第一次录入人不同）</source>
      <translation>Name of the second typist (not the first typist)</translation>
    </message>
    <message>
      <source>复核录入人：</source>
      <translation>Second typist:</translation>
    </message>
    <message>
      <source>保存复核录入</source>
      <translation>Save second entry</translation>
    </message>
    <message>
      <source>已保存。已录入的各项与第一次录入一致。</source>
      <translation>Saved. Every item typed agrees with the first entry.</translation>
    </message>
    <message>
      <source>部分</source>
      <translation>Section</translation>
    </message>
    <message>
      <source>第二次录入</source>
      <translation>Second entry</translation>
    </message>
    <message>
      <source>、</source>
      <translation>, </translation>
    </message>
    <message>
      <source>已保存。有 {0} 项与第一次录入不一致：{1}。请核对纸质表；仍不一致的由第三人在“核对两次录入”中裁定。</source>
      <translation>Saved. {0} item(s) differ from the first entry: {1}. Check the paper sheet; a third person resolves what still differs in "Compare the two entries".</translation>
    </message>
    <message>
      <source>尚有 {0} 项未录入。</source>
      <translation>{0} item(s) not typed yet.</translation>
    </message>
    <message>
      <source>有 {0} 项不能保存：</source>
      <translation>{0} item(s) cannot be saved: </translation>
    </message>
    <message>
      <source>所有行均已定稿。</source>
      <translation>Every row is already finalised.</translation>
    </message>
    <message>
      <source>全部定稿</source>
      <translation>Finalise all</translation>
    </message>
    <message>
      <source>不能全部定稿：以下 {n} 行尚未填完整，没有定稿任何一行。</source>
      <translation>Cannot finalise all: {n} row(s) below are incomplete; no row was finalised.</translation>
    </message>
    <message>
      <source>将定稿本评审人的全部 {n} 行，定稿后锁定，修改须说明理由逐行解锁。确定吗？</source>
      <translation>Finalise all {n} open row(s) of this reviewer? They will be locked; a change then needs each row unlocked with a reason.</translation>
    </message>
    <message>
      <source>{0}：尚未评分</source>
      <translation>{0}: not scored yet</translation>
    </message>
    <message>
      <source>{0}：{1}</source>
      <translation>{0}: {1}</translation>
    </message>
    <message>
      <source>包类型：</source>
      <translation>Package kind:</translation>
    </message>
    <message>
      <source>责任单元：</source>
      <translation>Unit:</translation>
    </message>
    <message>
      <source>填报模板</source>
      <translation>fill-in-template</translation>
    </message>
    <message>
      <source>交接包</source>
      <translation>package</translation>
    </message>
    <message>
      <source>已写入 {path}
工作表行数：{rows}
签名：{signer}（指纹 {fp}）</source>
      <translation>Written: {path}
Rows per sheet: {rows}
Signed by: {signer} (fingerprint {fp})</translation>
    </message>
    <message>
      <source>已导出，但有评审表未放入包中</source>
      <translation>Exported, but some sheets were left out of the package</translation>
    </message>
    <message>
      <source>区至街道</source>
      <translation>district-to-street</translation>
    </message>
    <message>
      <source>街道至区</source>
      <translation>street-to-district</translation>
    </message>
    <message>
      <source>区级评审人至区</source>
      <translation>reviewer-to-district</translation>
    </message>
    <message>
      <source>区至市</source>
      <translation>district-to-city</translation>
    </message>
    <message>
      <source>市级评审人至市</source>
      <translation>reviewer-to-city</translation>
    </message>
    <message>
      <source>市至区</source>
      <translation>city-to-district</translation>
    </message>
    <message>
      <source>导出填报模板</source>
      <translation>Export fill-in template</translation>
    </message>
    <message>
      <source>导出交接包</source>
      <translation>Export package</translation>
    </message>
    <message>
      <source>填报模板只开放评分单元格（含数据有效性），供没有本程序的单位在 Excel 或 WPS 中填写，填好后可像交接包一样导入。</source>
      <translation>A fill-in template unlocks only the score cells (with data validation) so that an office without the program can fill it in Excel or WPS; once filled, it imports like a package.</translation>
    </message>
    <message>
      <source>交接包是一个可阅读的 .xlsx 文件，带有本机签名，由接收方在其电脑上导入。</source>
      <translation>A package is a readable .xlsx file signed by this installation; the receiver imports it on their computer.</translation>
    </message>
    <message>
      <source>请填写文件名。</source>
      <translation>Please enter a file name.</translation>
    </message>
    <message>
      <source>请至少勾选一个责任单元。</source>
      <translation>Tick at least one unit.</translation>
    </message>
    <message>
      <source>本年度没有这一级的评审人。</source>
      <translation>This year has no reviewers of that level.</translation>
    </message>
    <message>
      <source>请选择区。</source>
      <translation>Choose a district.</translation>
    </message>
    <message>
      <source>{0}等{1}个单元</source>
      <translation>{0}-and-{1}-units</translation>
    </message>
    <message>
      <source>冲突</source>
      <translation>conflict</translation>
    </message>
    <message>
      <source>未变</source>
      <translation>unchanged</translation>
    </message>
    <message>
      <source>意见建议</source>
      <translation>Remarks</translation>
    </message>
    <message>
      <source>接受新密钥</source>
      <translation>Accept the new key</translation>
    </message>
    <message>
      <source>导入交接包</source>
      <translation>Import package</translation>
    </message>
    <message>
      <source>已知发送方：{name}（指纹 {fp}，首次见到时名为 {known}）</source>
      <translation>Known sender: {name} (fingerprint {fp}, first seen as {known})</translation>
    </message>
    <message>
      <source>本机自己的密钥：{name}（指纹 {fp}），这是本机导出的文件。</source>
      <translation>This computer's own key: {name} (fingerprint {fp}); the file was made here.</translation>
    </message>
    <message>
      <source>首次见到的发送方：{name}（指纹 {fp}）。请与对方核对指纹后再导入。</source>
      <translation>New sender: {name} (fingerprint {fp}). Check the fingerprint with the sender before importing.</translation>
    </message>
    <message>
      <source>发送方“{name}”的密钥已更换！新指纹 {fp}，原指纹 {old}（原名 {known}）。请与对方核实后再导入。</source>
      <translation>The key of sender "{name}" has changed! New fingerprint {fp}, previous fingerprint {old} (known as {known}). Check with the sender before importing.</translation>
    </message>
    <message>
      <source>没有签名的填报模板：无法确认发送方，只能作为人工录入导入。</source>
      <translation>An unsigned fill-in template: its sender cannot be confirmed, so it can only come in as manual entry.</translation>
    </message>
    <message>
      <source>（填报模板）</source>
      <translation> (fill-in template)</translation>
    </message>
    <message>
      <source>来自：</source>
      <translation>From:</translation>
    </message>
    <message>
      <source>签名：</source>
      <translation>Signature:</translation>
    </message>
    <message>
      <source>评审表：</source>
      <translation>Sheets:</translation>
    </message>
    <message>
      <source>该包已经导入过，本次没有任何改动。</source>
      <translation>This package was imported before; nothing was changed.</translation>
    </message>
    <message>
      <source>正在导入…</source>
      <translation>Importing…</translation>
    </message>
    <message>
      <source>本机已定稿</source>
      <translation>finalised here</translation>
    </message>
    <message>
      <source>本机草稿在上次导入后改过</source>
      <translation>a draft edited here since the last import</translation>
    </message>
    <message>
      <source>{action}（{why}）</source>
      <translation>{action} ({why})</translation>
    </message>
    <message>
      <source>已与“{name}”核对新指纹 {fp}？请写明理由（写入审计记录）：</source>
      <translation>Checked the new fingerprint {fp} with "{name}"? Give the reason (kept in the audit log):</translation>
    </message>
    <message>
      <source>接受新密钥…</source>
      <translation>Accept the new key…</translation>
    </message>
    <message>
      <source>名册：</source>
      <translation>Roster:</translation>
    </message>
    <message>
      <source>优秀评选：</source>
      <translation>Excellent planners:</translation>
    </message>
    <message>
      <source>人工录入：这是填报模板，填写的内容不在任何签名之内。只作为草稿导入（不会定稿，也不会替换本机已定稿的评审表）；导入人和理由写入审计记录。</source>
      <translation>Manual entry: this is a fill-in template, and what was typed into it is covered by no signature. It comes in as drafts only (never final, never replacing a sheet finalised here); who imports it and why go into the audit log.</translation>
    </message>
    <message>
      <source>警告：该包在本程序之外被修改过（内容与清单中的哈希不符）。请向发送方核实，或索取原包。</source>
      <translation>Warning: this package was edited outside the program (its content does not match the hash in the manifest). Check with the sender or ask for the original package.</translation>
    </message>
    <message>
      <source>我已核实，仍然导入这个被修改过的包</source>
      <translation>I have checked; import this edited package anyway</translation>
    </message>
    <message>
      <source>理由（写入审计记录，必填）</source>
      <translation>Reason (written in the audit log; required)</translation>
    </message>
    <message>
      <source>评审表</source>
      <translation>Sheet</translation>
    </message>
    <message>
      <source>对象</source>
      <translation>Subject</translation>
    </message>
    <message>
      <source>结果</source>
      <translation>Result</translation>
    </message>
    <message>
      <source>请先与发送方核对新指纹，再点“接受新密钥…”。</source>
      <translation>Check the new fingerprint with the sender first, then click "Accept the new key…".</translation>
    </message>
    <message>
      <source>导入预览</source>
      <translation>Import preview</translation>
    </message>
    <message>
      <source>保留本机（已定稿）</source>
      <translation>Kept here (finalised)</translation>
    </message>
    <message>
      <source>已接受“{name}”的新密钥 {fp}（理由：{reason}），导入时写入审计记录。</source>
      <translation>The new key {fp} of "{name}" is accepted (reason: {reason}); it goes into the audit log with the import.</translation>
    </message>
    <message>
      <source>已导入：{0}</source>
      <translation>Imported: {0}</translation>
    </message>
    <message>
      <source>请选择…</source>
      <translation>Choose…</translation>
    </message>
    <message>
      <source>保留本机</source>
      <translation>Keep mine</translation>
    </message>
    <message>
      <source>采用交接包</source>
      <translation>Take theirs</translation>
    </message>
    <message>
      <source>请写明为什么仍然导入这个被修改过的包（写入审计记录）。</source>
      <translation>Say why this edited package is imported anyway (written in the audit log).</translation>
    </message>
    <message>
      <source>无法读取 {0}：{1}</source>
      <translation>Cannot read {0}: {1}</translation>
    </message>
    <message>
      <source>还有 {n} 个冲突：请为每一个冲突选择保留本机或采用交接包。</source>
      <translation>{n} conflict(s) left: choose for each whether to keep this computer's sheet or take the package's.</translation>
    </message>
    <message>
      <source>请先确认导入这个被修改过的包。</source>
      <translation>First confirm that this edited package should be imported.</translation>
    </message>
    <message>
      <source>（{0}）</source>
      <translation> ({0})</translation>
    </message>
    <message>
      <source>人工录入请写明理由（写入审计记录）。</source>
      <translation>Manual entry needs a reason (kept in the audit log).</translation>
    </message>
    <message>
      <source>街道/乡镇/园区</source>
      <translation>Street office</translation>
    </message>
    <message>
      <source>区级专班</source>
      <translation>District office</translation>
    </message>
    <message>
      <source>市级专班</source>
      <translation>City task force</translation>
    </message>
    <message>
      <source>评审人的电脑</source>
      <translation>Reviewer's laptop</translation>
    </message>
    <message>
      <source>本机角色</source>
      <translation>This computer's role</translation>
    </message>
    <message>
      <source>这台电脑在评审中是什么角色？交接包只在它的目的地导入：区→街道的包只进该街道，街道和区级评审人→区的包只进本区，区→市和市级评审人→市的包只进市级专班，市→区的包只进它指明的区。</source>
      <translation>What is this computer in the review? A package is imported only where it is addressed: district → street only at that office, street and district reviewer → district only at that district, district → city and city reviewer → city only at the city task force, city → district only at the district it names.</translation>
    </message>
    <message>
      <source>编号或名称，多个用逗号分隔</source>
      <translation>Codes or names, separated by commas</translation>
    </message>
    <message>
      <source>确定</source>
      <translation>OK</translation>
    </message>
    <message>
      <source>本机尚未设定角色。选择“以后再说”，包照旧导入，但不核对是否发给本机。</source>
      <translation>This computer has no role yet. With "Later", packages are imported as before, without checking that they are meant for it.</translation>
    </message>
    <message>
      <source>以后再说</source>
      <translation>Later</translation>
    </message>
    <message>
      <source>文件(&amp;F)</source>
      <translation>&amp;File</translation>
    </message>
    <message>
      <source>打开数据库…</source>
      <translation>Open database…</translation>
    </message>
    <message>
      <source>导出交接包…</source>
      <translation>Export package…</translation>
    </message>
    <message>
      <source>导出填报模板…</source>
      <translation>Export fill-in template…</translation>
    </message>
    <message>
      <source>本机角色…</source>
      <translation>This computer's role…</translation>
    </message>
    <message>
      <source>退出</source>
      <translation>Quit</translation>
    </message>
    <message>
      <source>编辑(&amp;E)</source>
      <translation>&amp;Edit</translation>
    </message>
    <message>
      <source>打印(&amp;P)</source>
      <translation>&amp;Print</translation>
    </message>
    <message>
      <source>打印…</source>
      <translation>Print…</translation>
    </message>
    <message>
      <source>核验打印件…</source>
      <translation>Verify a printout…</translation>
    </message>
    <message>
      <source>视图(&amp;V)</source>
      <translation>&amp;View</translation>
    </message>
    <message>
      <source>刷新</source>
      <translation>Refresh</translation>
    </message>
    <message>
      <source>语言(&amp;L)</source>
      <translation>&amp;Language</translation>
    </message>
    <message>
      <source>责师评审</source>
      <translation>Planner review</translation>
    </message>
    <message>
      <source>打开数据库</source>
      <translation>Open database</translation>
    </message>
    <message>
      <source>责师评审数据库 (*.sqlite3 *.db);;所有文件 (*)</source>
      <translation>Review databases (*.sqlite3 *.db);;All files (*)</translation>
    </message>
    <message>
      <source>只读</source>
      <translation>Read-only</translation>
    </message>
    <message>
      <source>已刷新</source>
      <translation>Refreshed</translation>
    </message>
    <message>
      <source>数据库以只读方式打开，不能修改</source>
      <translation>The database is open read-only and cannot be changed</translation>
    </message>
    <message>
      <source>今日备份未完成：</source>
      <translation>Today's backup was not made: </translation>
    </message>
    <message>
      <source>（只读）</source>
      <translation> (read-only)</translation>
    </message>
    <message>
      <source>评分人：{0}</source>
      <translation>Who is scoring: {0}</translation>
    </message>
    <message>
      <source>查找区、责任单元或责师（Ctrl+F）</source>
      <translation>Find a district, unit or planner (Ctrl+F)</translation>
    </message>
    <message>
      <source>区 / 责任单元 / 责师</source>
      <translation>District / unit / planner</translation>
    </message>
    <message>
      <source>（团队）</source>
      <translation> (team)</translation>
    </message>
    <message>
      <source>找到 {0} 项</source>
      <translation>{0} found</translation>
    </message>
    <message>
      <source>{0} 年度，聘期 {1}</source>
      <translation>Year {0}, term {1}</translation>
    </message>
    <message>
      <source>3-1 街乡镇评审</source>
      <translation>3-1 Office review</translation>
    </message>
    <message>
      <source>3-2 区评审组</source>
      <translation>3-2 Review group</translation>
    </message>
    <message>
      <source>3-3 全区排名</source>
      <translation>3-3 District ranking</translation>
    </message>
    <message>
      <source>4-1 工作总结</source>
      <translation>4-1 Summary</translation>
    </message>
    <message>
      <source>4-2 区自评</source>
      <translation>4-2 Self-assessment</translation>
    </message>
    <message>
      <source>4-3 市评审组</source>
      <translation>4-3 City review</translation>
    </message>
    <message>
      <source>5-1 调查问卷</source>
      <translation>5-1 Questionnaire</translation>
    </message>
    <message>
      <source>区级评审看板</source>
      <translation>District dashboard</translation>
    </message>
    <message>
      <source>问卷汇总</source>
      <translation>Questionnaire summary</translation>
    </message>
    <message>
      <source>另存为 PDF</source>
      <translation>Save as PDF</translation>
    </message>
    <message>
      <source>PDF 文件 (*.pdf)</source>
      <translation>PDF files (*.pdf)</translation>
    </message>
    <message>
      <source>评审材料</source>
      <translation>Review documents</translation>
    </message>
    <message>
      <source>打印预览 — </source>
      <translation>Print preview — </translation>
    </message>
    <message>
      <source>另存为 PDF…</source>
      <translation>Save as PDF…</translation>
    </message>
    <message>
      <source>核验打印件</source>
      <translation>Verify a printout</translation>
    </message>
    <message>
      <source>核验</source>
      <translation>Verify</translation>
    </message>
    <message>
      <source>核验码：</source>
      <translation>Verification code:</translation>
    </message>
    <message>
      <source>一致：打印件与数据库相符。</source>
      <translation>Match: the printout agrees with the database.</translation>
    </message>
    <message>
      <source>不一致：打印后已有改动。</source>
      <translation>Mismatch: changed since it was printed.</translation>
    </message>
    <message>
      <source>无法开始打印</source>
      <translation>Cannot start printing</translation>
    </message>
    <message>
      <source>市级优秀评选</source>
      <translation>City's selection</translation>
    </message>
    <message>
      <source>聘任主体意见</source>
      <translation>Hiring body's note</translation>
    </message>
    <message>
      <source>记录聘任主体的续聘意见（例如：同意续聘 2 年；待属地意见）。本程序不作续聘判断。</source>
      <translation>Note the hiring body's view on renewal (e.g. agreed to renew for 2 years; waiting for the local view). The program makes no renewal decision.</translation>
    </message>
    <message>
      <source>保存</source>
      <translation>Save</translation>
    </message>
    <message>
      <source>评为市级优秀</source>
      <translation>Selected as the city's excellent</translation>
    </message>
    <message>
      <source>不入选</source>
      <translation>Not selected</translation>
    </message>
    <message>
      <source>待定</source>
      <translation>Pending</translation>
    </message>
    <message>
      <source>理由（评为市级优秀时必填，写入审计记录和名单）：</source>
      <translation>Reason (needed to select; kept in the audit log and printed on the list):</translation>
    </message>
    <message>
      <source>评为市级优秀需写明理由</source>
      <translation>Selecting a planner needs a reason</translation>
    </message>
    <message>
      <source>入选</source>
      <translation>Selected</translation>
    </message>
    <message>
      <source>未入选</source>
      <translation>Not selected</translation>
    </message>
    <message>
      <source>统一（各区）</source>
      <translation>Same for all districts</translation>
    </message>
    <message>
      <source>不限</source>
      <translation>No limit</translation>
    </message>
    <message>
      <source>请先在表中选择一名被推荐的责任规划师。</source>
      <translation>Choose a nominee in the table first.</translation>
    </message>
    <message>
      <source>评为市级优秀…</source>
      <translation>Select as the city's excellent…</translation>
    </message>
    <message>
      <source>不入选…</source>
      <translation>Not selected…</translation>
    </message>
    <message>
      <source>改为待定</source>
      <translation>Back to pending</translation>
    </message>
    <message>
      <source>设定</source>
      <translation>Set</translation>
    </message>
    <message>
      <source>打印名单…</source>
      <translation>Print the list…</translation>
    </message>
    <message>
      <source>该区合同未全部签订（附件4-2）：按规定不能评为优秀区，其推荐仍可评选，但请注意</source>
      <translation>This district has not signed every contract (annex 4-2): by the rule it cannot be an excellent district; its nominees may still be selected, with care</translation>
    </message>
    <message>
      <source>合同已全签</source>
      <translation>Contracts signed</translation>
    </message>
    <message>
      <source>市级评选</source>
      <translation>City's decision</translation>
    </message>
    <message>
      <source>区 4-3 结果</source>
      <translation>District 4-3</translation>
    </message>
    <message>
      <source>核对</source>
      <translation>Check</translation>
    </message>
    <message>
      <source>按统一限额</source>
      <translation>As for all districts</translation>
    </message>
    <message>
      <source>请注意</source>
      <translation>Please note</translation>
    </message>
    <message>
      <source>每区限额：</source>
      <translation>Limit per district:</translation>
    </message>
    <message>
      <source>{year} 年度 · 各区推荐 {n} 名 · 已入选 {s} 名 · 待定 {p} 名</source>
      <translation>{year} · {n} nominated by the districts · {s} selected · {p} pending</translation>
    </message>
    <message>
      <source>不一致：本机算得 {rank} 名 {total}</source>
      <translation>Differs: computed here rank {rank}, {total}</translation>
    </message>
    <message>
      <source>{rank}/{ranked}</source>
      <translation>{rank}/{ranked}</translation>
    </message>
    <message>
      <source>{year} 年度尚无区级推荐：各区的推荐随“区→市”交接包到达。</source>
      <translation>No district has nominated anyone for {year} yet: the nominations arrive with the district → city packages.</translation>
    </message>
    <message>
      <source>区报送的排名与总分，与本机按同样评审表计算的结果比较</source>
      <translation>The rank and total the district reported, checked against what this computer computes from the same sheets</translation>
    </message>
    <message>
      <source>推荐在“排名与推荐”页勾选，随“区→市”交接包报送市级专班；市级评选结果随“市→区”交接包返回，显示在这里。考核结果反馈函的数字与排名页相同，评审人意见不具名。</source>
      <translation>Nominations are ticked on the Ranking tab and reach the city task force with the district → city package; the city's decisions come back with the city → district package and show here. The feedback letter's figures are the ranking's; reviewers' remarks are unnamed.</translation>
    </message>
    <message>
      <source>打印所选单位的考核结果反馈…</source>
      <translation>Print the chosen unit's feedback letter…</translation>
    </message>
    <message>
      <source>打印全区考核结果反馈…</source>
      <translation>Print the district's feedback letters…</translation>
    </message>
    <message>
      <source>区级推荐</source>
      <translation>Nominated</translation>
    </message>
    <message>
      <source>请先在表中选择一个责任片区。</source>
      <translation>Choose a unit in the table first.</translation>
    </message>
    <message>
      <source>{year} 年度 · 推荐 {n} 名 · 入选市级优秀 {s} 名</source>
      <translation>{year} · {n} nominated · {s} selected by the city</translation>
    </message>
    <message>
      <source>只看有提示的</source>
      <translation>Flagged only</translation>
    </message>
    <message>
      <source>编辑聘任主体意见…</source>
      <translation>Edit the hiring body's note…</translation>
    </message>
    <message>
      <source>导出 Excel</source>
      <translation>Export Excel</translation>
    </message>
    <message>
      <source>导出 PDF</source>
      <translation>Export PDF</translation>
    </message>
    <message>
      <source>聘期</source>
      <translation>Term</translation>
    </message>
    <message>
      <source>合同与经费</source>
      <translation>Contract and fee</translation>
    </message>
    <message>
      <source>聘期内历年结果</source>
      <translation>Results in the term</translation>
    </message>
    <message>
      <source>续聘提示</source>
      <translation>Flags</translation>
    </message>
    <message>
      <source>请先在表中选择一个聘任。</source>
      <translation>Choose an appointment in the table first.</translation>
    </message>
    <message>
      <source>{term}，{kind}</source>
      <translation>{term}, {kind}</translation>
    </message>
    <message>
      <source>合同：{contract}；经费：{fee}</source>
      <translation>Contract: {contract}; fee: {fee}</translation>
    </message>
    <message>
      <source>备份服务器上的数据库</source>
      <translation>Back up the database on the server</translation>
    </message>
    <message>
      <source>pg_dump 备份 (*.dump)</source>
      <translation>pg_dump backups (*.dump)</translation>
    </message>
    <message>
      <source>这个数据库在内存中，没有文件：不能备份、恢复或检查。</source>
      <translation>This database is in memory and has no file: it cannot be backed up, restored or checked.</translation>
    </message>
    <message>
      <source>。数据不能修改。</source>
      <translation>. Nothing can be changed.</translation>
    </message>
    <message>
      <source>没有完好的备份可以恢复。</source>
      <translation> There is no sound backup to restore.</translation>
    </message>
    <message>
      <source>其他备份…</source>
      <translation>Other backups…</translation>
    </message>
    <message>
      <source>正在备份…</source>
      <translation>Backing up…</translation>
    </message>
    <message>
      <source>正在检查数据…</source>
      <translation>Checking the data…</translation>
    </message>
    <message>
      <source>恢复…</source>
      <translation>Restore…</translation>
    </message>
    <message>
      <source>恢复数据库</source>
      <translation>Restore the database</translation>
    </message>
    <message>
      <source>恢复最新的完好备份（{0}）…</source>
      <translation>Restore the newest sound backup ({0})…</translation>
    </message>
    <message>
      <source>将用 {0} 的备份 {1} 替换已损坏的数据库（损坏的文件会另存为备份）。确定恢复吗？</source>
      <translation>The damaged database will be replaced by the backup {1} of {0} (the damaged file is kept as a backup). Restore it?</translation>
    </message>
    <message>
      <source>数据库：{0}</source>
      <translation>Database: {0}</translation>
    </message>
    <message>
      <source>不能定稿：</source>
      <translation>Cannot finalise: </translation>
    </message>
    <message>
      <source>解锁…</source>
      <translation>Unlock…</translation>
    </message>
    <message>
      <source>本表已定稿（锁定），不能直接修改。如需修改，请点“解锁…”并说明理由（记入审计记录）。</source>
      <translation>This sheet is finalised (locked) and cannot be changed directly. To change it, click "Unlock…" and give a reason (recorded in the audit log).</translation>
    </message>
    <message>
      <source>定稿后评审表将被锁定，修改须说明理由解锁。确定定稿“{0}”吗？</source>
      <translation>Finalising locks the sheet; changing it later needs a reason. Finalise "{0}"?</translation>
    </message>
    <message>
      <source>解锁理由（将记入审计记录）：</source>
      <translation>Reason for unlocking (goes to the audit log):</translation>
    </message>
    <message>
      <source>状态：未填写</source>
      <translation>Status: not filled in</translation>
    </message>
    <message>
      <source>请注意：</source>
      <translation>Please note:</translation>
    </message>
    <message>
      <source>状态：已定稿（锁定）</source>
      <translation>Status: finalised (locked)</translation>
    </message>
    <message>
      <source>状态：已解锁，修改将记入审计记录</source>
      <translation>Status: unlocked; changes go to the audit log</translation>
    </message>
    <message>
      <source>状态：草稿（每项输入即已保存）</source>
      <translation>Status: draft (every entry is saved at once)</translation>
    </message>
    <message>
      <source>解锁“{0}”。
解锁理由（将记入审计记录）：</source>
      <translation>Unlock "{0}".
Reason for unlocking (recorded in the audit log):</translation>
    </message>
    <message>
      <source>关于责师评审</source>
      <translation>About Planner review</translation>
    </message>
    <message>
      <source>打开备份文件夹</source>
      <translation>Open the backups folder</translation>
    </message>
    <message>
      <source>本机角色：</source>
      <translation>This computer's role:</translation>
    </message>
    <message>
      <source>数据库：</source>
      <translation>Database:</translation>
    </message>
    <message>
      <source>备份文件夹：</source>
      <translation>Backups folder:</translation>
    </message>
    <message>
      <source>数据文件夹：</source>
      <translation>Data folder:</translation>
    </message>
    <message>
      <source>设置文件：</source>
      <translation>Settings file:</translation>
    </message>
    <message>
      <source>运行环境：</source>
      <translation>Running on:</translation>
    </message>
    <message>
      <source>程序库</source>
      <translation>Library</translation>
    </message>
    <message>
      <source>版本</source>
      <translation>Version</translation>
    </message>
    <message>
      <source>许可</source>
      <translation>Licence</translation>
    </message>
    <message>
      <source>字体</source>
      <translation>font</translation>
    </message>
    <message>
      <source>北京市责任规划师年度考核评优：评分、排名、打印与离线交接。</source>
      <translation>The annual review of Beijing's responsible planners: scoring, ranking, printing and offline hand-over.</translation>
    </message>
    <message>
      <source>本程序以 Apache-2.0 许可发布。</source>
      <translation>This program is released under the Apache-2.0 licence.</translation>
    </message>
    <message>
      <source>（未设置）</source>
      <translation>(not set)</translation>
    </message>
    <message>
      <source>（内存中的数据库没有备份）</source>
      <translation>(a database in memory has no backups)</translation>
    </message>
    <message>
      <source>随附的程序库及其许可</source>
      <translation>Libraries shipped with the program and their licences</translation>
    </message>
    <message>
      <source>选择</source>
      <translation>Selection</translation>
    </message>
    <message>
      <source>街乡镇 / 区专班（3-1、4-1、4-2、5-1）</source>
      <translation>Office / district task force (3-1, 4-1, 4-2, 5-1)</translation>
    </message>
    <message>
      <source>街乡镇 / 区专班</source>
      <translation>Office / district task force</translation>
    </message>
    <message>
      <source>评分人：</source>
      <translation>Who is scoring:</translation>
    </message>
    <message>
      <source>区级评审组：{0}（{1}）</source>
      <translation>District review group: {0} ({1})</translation>
    </message>
    <message>
      <source>市级评审组：{0}（{1}）</source>
      <translation>City review group: {0} ({1})</translation>
    </message>
    <message>
      <source>数字</source>
      <translation>Digits</translation>
    </message>
    <message>
      <source>在所选格中输入分数</source>
      <translation>Type a score into the chosen cell</translation>
    </message>
    <message>
      <source>确认并到下一个评分格</source>
      <translation>Confirm and go to the next score cell</translation>
    </message>
    <message>
      <source>确认并到上一个评分格</source>
      <translation>Confirm and go to the previous score cell</translation>
    </message>
    <message>
      <source>取消正在输入的值</source>
      <translation>Cancel the value being typed</translation>
    </message>
    <message>
      <source>清除所选格的分数</source>
      <translation>Clear the chosen cell's score</translation>
    </message>
    <message>
      <source>修改所选格</source>
      <translation>Edit the chosen cell</translation>
    </message>
    <message>
      <source>下一页 / 上一页</source>
      <translation>Next / previous page</translation>
    </message>
    <message>
      <source>评分表中</source>
      <translation>In a score sheet</translation>
    </message>
    <message>
      <source>键盘快捷键</source>
      <translation>Keyboard shortcuts</translation>
    </message>
    <message>
      <source>演示模式：F11 或 Esc 退出，Ctrl+= / Ctrl+− 缩放</source>
      <translation>Presentation: F11 or Esc to leave, Ctrl+= / Ctrl+− to zoom</translation>
    </message>
    <message>
      <source>演示模式</source>
      <translation>Presentation mode</translation>
    </message>
    <message>
      <source>放大</source>
      <translation>Zoom in</translation>
    </message>
    <message>
      <source>缩小</source>
      <translation>Zoom out</translation>
    </message>
    <message>
      <source>原始大小</source>
      <translation>Actual size</translation>
    </message>
    <message>
      <source>缩放 {0}%</source>
      <translation>Zoom {0}%</translation>
    </message>
    <message>
      <source>最近打开</source>
      <translation>Recent databases</translation>
    </message>
    <message>
      <source>（找不到文件）</source>
      <translation>(file not found)</translation>
    </message>
    <message>
      <source>（没有）</source>
      <translation>(none)</translation>
    </message>
    <message>
      <source>清除列表</source>
      <translation>Clear the list</translation>
    </message>
    <message>
      <source>服务器：{0}</source>
      <translation>Server: {0}</translation>
    </message>
    <message>
      <source>连接服务器…</source>
      <translation>Connect to a server…</translation>
    </message>
    <message>
      <source>连接服务器</source>
      <translation>Connect to a server</translation>
    </message>
    <message>
      <source>打开办公室服务器（PostgreSQL）上的数据库：大家同时评分，排名总是全组的。服务器由管理员设置，见 docs/server.md。</source>
      <translation>Open the database on the office's server (PostgreSQL): everyone scores at the same time, and the rankings are always the whole group's. An administrator sets the server up; see docs/server.md.</translation>
    </message>
    <message>
      <source>例如 review-server 或 192.168.1.20</source>
      <translation>e.g. review-server or 192.168.1.20</translation>
    </message>
    <message>
      <source>已存在 .pgpass 中时留空</source>
      <translation>leave empty when it is in .pgpass</translation>
    </message>
    <message>
      <source>连接</source>
      <translation>Connect</translation>
    </message>
    <message>
      <source>服务器：</source>
      <translation>Server:</translation>
    </message>
    <message>
      <source>端口：</source>
      <translation>Port:</translation>
    </message>
    <message>
      <source>用户：</source>
      <translation>User:</translation>
    </message>
    <message>
      <source>密码：</source>
      <translation>Password:</translation>
    </message>
    <message>
      <source>下一页</source>
      <translation>Next page</translation>
    </message>
    <message>
      <source>上一页</source>
      <translation>Previous page</translation>
    </message>
    <message>
      <source>下一位责师</source>
      <translation>Next planner</translation>
    </message>
    <message>
      <source>上一位责师</source>
      <translation>Previous planner</translation>
    </message>
    <message>
      <source>查找区、单元或责师</source>
      <translation>Find a district, unit or planner</translation>
    </message>
    <message>
      <source>帮助(&amp;H)</source>
      <translation>&amp;Help</translation>
    </message>
    <message>
      <source>关于责师评审…</source>
      <translation>About Planner review…</translation>
    </message>
    <message>
      <source>选择要恢复的文件</source>
      <translation>Choose the file to restore</translation>
    </message>
    <message>
      <source>选择其他文件…</source>
      <translation>Choose another file…</translation>
    </message>
    <message>
      <source>还没有备份。</source>
      <translation>There are no backups yet.</translation>
    </message>
    <message>
      <source>每日备份</source>
      <translation>Daily</translation>
    </message>
    <message>
      <source>导入前</source>
      <translation>Before an import</translation>
    </message>
    <message>
      <source>全部定稿前</source>
      <translation>Before finalise all</translation>
    </message>
    <message>
      <source>解锁前</source>
      <translation>Before an unlock</translation>
    </message>
    <message>
      <source>恢复前</source>
      <translation>Before a restore</translation>
    </message>
    <message>
      <source>手动备份</source>
      <translation>Manual</translation>
    </message>
    <message>
      <source>升级前</source>
      <translation>Before an upgrade</translation>
    </message>
    <message>
      <source>开始新年度前</source>
      <translation>before starting a new year</translation>
    </message>
    <message>
      <source>文件</source>
      <translation>File</translation>
    </message>
    <message>
      <source>关联</source>
      <translation>Links</translation>
    </message>
    <message>
      <source>数据值</source>
      <translation>Values</translation>
    </message>
    <message>
      <source>原因</source>
      <translation>Reason</translation>
    </message>
    <message>
      <source>大小</source>
      <translation>Size</translation>
    </message>
    <message>
      <source>可用 文件 → 恢复… 换回一个完好的备份。</source>
      <translation>Use File → Restore… to go back to a sound backup.</translation>
    </message>
    <message>
      <source>数据库：{0}（在内存中，没有文件，也没有备份）</source>
      <translation>Database: {0} (in memory: no file and no backups)</translation>
    </message>
    <message>
      <source>备份文件夹：{0}</source>
      <translation>Backups folder: {0}</translation>
    </message>
    <message>
      <source>用一个备份替换当前数据库 {0}。恢复前会先检查所选文件，并把当前数据库另存为一个备份。</source>
      <translation>Replace the current database {0} with a backup. The file chosen is checked first, and the current database is kept as a backup.</translation>
    </message>
    <message>
      <source>备份文件夹 {0} 中还没有备份。</source>
      <translation>There are no backups in the folder {0} yet.</translation>
    </message>
    <message>
      <source>数据库 {0} 完好：文件、关联、审计记录和每个数据值都已检查，没有发现问题。</source>
      <translation>The database {0} is sound: its file, links, audit log and every value were checked and nothing is wrong.</translation>
    </message>
    <message>
      <source>数据库 {0} 有 {1} 处问题：</source>
      <translation>The database {0} has {1} problems:</translation>
    </message>
    <message>
      <source>共 {0} 个备份，最新的在 {1}（{2}）。</source>
      <translation>{0} backups; the newest was made at {1} ({2}).</translation>
    </message>
    <message>
      <source>{0} 就是当前数据库，请选择一个备份。</source>
      <translation>{0} is the current database; choose a backup.</translation>
    </message>
    <message>
      <source>{0} 检查完好。
将用它替换当前数据库 {1}（当前数据库会先另存为备份）。确定恢复吗？</source>
      <translation>{0} is sound.
It will replace the current database {1} (the current database is kept as a backup first). Restore it?</translation>
    </message>
    <message>
      <source>另有 {0} 处问题未列出。</source>
      <translation>{0} more problems are not listed.</translation>
    </message>
    <message>
      <source>{0} 有 {1} 处问题，不能用来恢复：</source>
      <translation>{0} has {1} problems and cannot be restored:</translation>
    </message>
    <message>
      <source>撤销</source>
      <translation>Undo</translation>
    </message>
    <message>
      <source>重做</source>
      <translation>Redo</translation>
    </message>
    <message>
      <source>⚠ {n} 张评审表含有损坏的数据，未计入以下数字。请用“文件 → 检查数据”查看，或恢复一份备份：</source>
      <translation>⚠ {n} sheet(s) hold damaged data and are not counted in the figures below. See File → Check data, or restore a backup:</translation>
    </message>
    <message>
      <source>……另有 {n} 张（完整列表见提示）</source>
      <translation>… and {n} more (the whole list in the tooltip)</translation>
    </message>
    <message>
      <source>紧凑表头</source>
      <translation>Compact header</translation>
    </message>
    <message>
      <source>表头只显示简短的项目名称（完整条文见鼠标提示），可多显示几行</source>
      <translation>Show short item names in the header (the full text is in the tooltip), so more rows fit</translation>
    </message>
    <message>
      <source>定稿本评审人的全部行（先检查每一行是否完整）</source>
      <translation>Finalise every row of this reviewer (each row is checked for completeness first)</translation>
    </message>
    <message>
      <source>请在左侧选择一个区。</source>
      <translation>Choose a district on the left.</translation>
    </message>
    <message>
      <source>3-2 由区级评审组成员填写：请在上方“评分人”中选择本区的一位评审人。</source>
      <translation>3-2 is filled in by members of the district review group: choose one of this district's reviewers under "Who is scoring".</translation>
    </message>
    <message>
      <source>第 {0} 行（{1}）</source>
      <translation>Row {0} ({1})</translation>
    </message>
    <message>
      <source>年度：{0}</source>
      <translation>Year: {0}</translation>
    </message>
    <message>
      <source>序号</source>
      <translation>No.</translation>
    </message>
    <message>
      <source>责师</source>
      <translation>Planner</translation>
    </message>
    <message>
      <source>选择图片</source>
      <translation>Choose a picture</translation>
    </message>
    <message>
      <source>图片 (*.png *.jpg *.jpeg)</source>
      <translation>Pictures (*.png *.jpg *.jpeg)</translation>
    </message>
    <message>
      <source>添加案例</source>
      <translation>Add a case</translation>
    </message>
    <message>
      <source>责任团队一览表</source>
      <translation>Teams</translation>
    </message>
    <message>
      <source>团队成员名单</source>
      <translation>Team members</translation>
    </message>
    <message>
      <source>聘任合同落实情况</source>
      <translation>Contracts</translation>
    </message>
    <message>
      <source>经费落实情况</source>
      <translation>Funds</translation>
    </message>
    <message>
      <source>区：{0}    年度：{1}</source>
      <translation>District: {0}    Year: {1}</translation>
    </message>
    <message>
      <source>类型</source>
      <translation>Type</translation>
    </message>
    <message>
      <source>所在单位</source>
      <translation>Organisation</translation>
    </message>
    <message>
      <source>负责人</source>
      <translation>Leader</translation>
    </message>
    <message>
      <source>职称</source>
      <translation>Title</translation>
    </message>
    <message>
      <source>成员数</source>
      <translation>Members</translation>
    </message>
    <message>
      <source>核心成员</source>
      <translation>Core member</translation>
    </message>
    <message>
      <source>姓名</source>
      <translation>Name</translation>
    </message>
    <message>
      <source>专业</source>
      <translation>Discipline</translation>
    </message>
    <message>
      <source>资质</source>
      <translation>Qualification</translation>
    </message>
    <message>
      <source>合同已签订</source>
      <translation>Contract signed</translation>
    </message>
    <message>
      <source>经费已落实</source>
      <translation>Fee paid</translation>
    </message>
    <message>
      <source>金额（元）</source>
      <translation>Amount (CNY)</translation>
    </message>
    <message>
      <source>团队</source>
      <translation>Team</translation>
    </message>
    <message>
      <source>个人</source>
      <translation>Individual</translation>
    </message>
    <message>
      <source>案例标题</source>
      <translation>Case title</translation>
    </message>
    <message>
      <source>添加图片…</source>
      <translation>Add a picture…</translation>
    </message>
    <message>
      <source>图片说明</source>
      <translation>Caption</translation>
    </message>
    <message>
      <source>  超出字数要求</source>
      <translation>  over the limit</translation>
    </message>
    <message>
      <source>  不足字数要求</source>
      <translation>  under the minimum</translation>
    </message>
    <message>
      <source>移除</source>
      <translation>Remove</translation>
    </message>
    <message>
      <source>{0} 字（要求 {1}–{2} 字）</source>
      <translation>{0} characters ({1}–{2} required)</translation>
    </message>
    <message>
      <source>打印在图片下方：图{0} 说明。不填则印文件名“{1}”。</source>
      <translation>Printed under the picture: Figure {0} and the caption. Left empty, the file name "{1}" is printed.</translation>
    </message>
    <message>
      <source>{0} / {1} 字</source>
      <translation>{0} / {1} characters</translation>
    </message>
    <message>
      <source>{0} 字</source>
      <translation>{0} characters</translation>
    </message>
    <message>
      <source>案例 {0}：</source>
      <translation>Case {0}:</translation>
    </message>
    <message>
      <source>图{0}</source>
      <translation>Figure {0}</translation>
    </message>
    <message>
      <source>请在左侧选择一位责师（责任单元下的责师）。</source>
      <translation>Choose a planner on the left (under a unit).</translation>
    </message>
    <message>
      <source>选择“不同意”时必填</source>
      <translation>Required with "Disagree"</translation>
    </message>
    <message>
      <source>责师：{0}    责任单元：{1} {2}    年度：{3}</source>
      <translation>Planner: {0}    Unit: {1} {2}    Year: {3}</translation>
    </message>
    <message>
      <source>（按名册：{0} {1}）</source>
      <translation>(from the roster: {0} {1})</translation>
    </message>
    <message>
      <source>区级评审组去掉一个最高分和一个最低分（至少 5 位评审人）</source>
      <translation>Drop the highest and lowest review-group total (5 reviewers or more)</translation>
    </message>
    <message>
      <source>设定权重</source>
      <translation>Set weights</translation>
    </message>
    <message>
      <source>3-1 总得分</source>
      <translation>3-1 total</translation>
    </message>
    <message>
      <source>3-2 最终得分</source>
      <translation>3-2 final</translation>
    </message>
    <message>
      <source>本区尚未设定权重，暂按默认值计算；请确认后点击“设定权重”。</source>
      <translation>This district has not set its weights; the defaults are used until you confirm them with "Set weights".</translation>
    </message>
    <message>
      <source>权重已设定。</source>
      <translation>Weights set.</translation>
    </message>
    <message>
      <source>待评</source>
      <translation>Pending</translation>
    </message>
    <message>
      <source>：</source>
      <translation>:</translation>
    </message>
    <message>
      <source>按管理办法的提示（不阻止保存）</source>
      <translation>Warnings from the measures (they do not stop saving)</translation>
    </message>
    <message>
      <source>区名</source>
      <translation>District name</translation>
    </message>
    <message>
      <source>添加区</source>
      <translation>Add district</translation>
    </message>
    <message>
      <source>保存对所选的修改</source>
      <translation>Save changes to the chosen row</translation>
    </message>
    <message>
      <source>区与圈层</source>
      <translation>Districts and circles</translation>
    </message>
    <message>
      <source>责任单元名称</source>
      <translation>Unit name</translation>
    </message>
    <message>
      <source>添加到所选区</source>
      <translation>Add to the chosen district</translation>
    </message>
    <message>
      <source>责任单元</source>
      <comment>tab</comment>
      <translation>Units</translation>
    </message>
    <message>
      <source>责师或团队名称</source>
      <translation>Planner or team name</translation>
    </message>
    <message>
      <source>负责人具有高级职称</source>
      <translation>Leader has a senior title</translation>
    </message>
    <message>
      <source>注册规划师/建筑师</source>
      <translation>Registered planner/architect</translation>
    </message>
    <message>
      <source> 年经验</source>
      <translation> years' experience</translation>
    </message>
    <message>
      <source>添加责师</source>
      <translation>Add planner</translation>
    </message>
    <message>
      <source>责师与成员</source>
      <translation>Planners and members</translation>
    </message>
    <message>
      <source> 年</source>
      <translation> year(s)</translation>
    </message>
    <message>
      <source>续聘</source>
      <translation>Renewal</translation>
    </message>
    <message>
      <source>聘任</source>
      <translation>Appoint</translation>
    </message>
    <message>
      <source>聘任</source>
      <comment>tab</comment>
      <translation>Appointments</translation>
    </message>
    <message>
      <source>评审人姓名</source>
      <translation>Reviewer name</translation>
    </message>
    <message>
      <source>区级评审组（所选区）</source>
      <translation>District review group (chosen district)</translation>
    </message>
    <message>
      <source>市级评审组</source>
      <translation>City review group</translation>
    </message>
    <message>
      <source>添加评审人</source>
      <translation>Add reviewer</translation>
    </message>
    <message>
      <source>删除所选评审人…</source>
      <translation>Remove chosen reviewer…</translation>
    </message>
    <message>
      <source>评审人</source>
      <comment>tab</comment>
      <translation>Reviewers</translation>
    </message>
    <message>
      <source>区级</source>
      <translation>District</translation>
    </message>
    <message>
      <source>市级</source>
      <translation>City</translation>
    </message>
    <message>
      <source>编码</source>
      <translation>Code</translation>
    </message>
    <message>
      <source>级别</source>
      <translation>Level</translation>
    </message>
    <message>
      <source>没有提示。</source>
      <translation>No warnings.</translation>
    </message>
    <message>
      <source>请先在表中选择要修改的一行。</source>
      <translation>First choose the row to change in the table.</translation>
    </message>
    <message>
      <source>请先在左侧选择一个区。</source>
      <translation>First choose a district on the left.</translation>
    </message>
    <message>
      <source>请选择责任单元和责师。</source>
      <translation>Choose a unit and a planner.</translation>
    </message>
    <message>
      <source>区级评审人须属于一个区：请先在左侧选择一个区。</source>
      <translation>A district reviewer belongs to a district: choose one on the left first.</translation>
    </message>
    <message>
      <source>新聘任：</source>
      <translation>New appointment:</translation>
    </message>
    <message>
      <source>名册 — {0} 年度</source>
      <translation>Roster — {0}</translation>
    </message>
    <message>
      <source>成员姓名</source>
      <translation>Member name</translation>
    </message>
    <message>
      <source>资质（如注册规划师）</source>
      <translation>Qualification (e.g. registered planner)</translation>
    </message>
    <message>
      <source>成员的单位（用于回避提示）</source>
      <translation>Member's organisation (for recusal hints)</translation>
    </message>
    <message>
      <source>添加到所选责师</source>
      <translation>Add to the chosen planner</translation>
    </message>
    <message>
      <source>保存对所选成员的修改</source>
      <translation>Save changes to the chosen member</translation>
    </message>
    <message>
      <source>删除所选成员…</source>
      <translation>Remove chosen member…</translation>
    </message>
    <message>
      <source>删除成员</source>
      <translation>Remove member</translation>
    </message>
    <message>
      <source>删除评审人</source>
      <translation>Remove reviewer</translation>
    </message>
    <message>
      <source>成员</source>
      <translation>Member</translation>
    </message>
    <message>
      <source>请先在上表中选择一位责师。</source>
      <translation>First choose a planner in the table above.</translation>
    </message>
    <message>
      <source>从团队中删除成员“{0}”吗？</source>
      <translation>Remove "{0}" from the team?</translation>
    </message>
    <message>
      <source>删除评审人“{0}”吗？已有评审表的评审人不能删除。</source>
      <translation>Remove reviewer "{0}"? A reviewer who already has sheets cannot be removed.</translation>
    </message>
    <message>
      <source>（暂定）</source>
      <translation> (provisional)</translation>
    </message>
    <message>
      <source>在此填写意见建议（自动保存）</source>
      <translation>Comments and suggestions (saved automatically)</translation>
    </message>
    <message>
      <source>请在上方“评分人”中选择一位市级评审人。</source>
      <translation>Choose a city reviewer under "Who is scoring".</translation>
    </message>
    <message>
      <source>附件{0}</source>
      <translation>Annex {0}</translation>
    </message>
    <message>
      <source>责任单元：{0}</source>
      <translation>Unit: {0}</translation>
    </message>
    <message>
      <source>责师：{0}</source>
      <translation>Planner: {0}</translation>
    </message>
    <message>
      <source>评审人：{0}（{1}）</source>
      <translation>Reviewer: {0} ({1})</translation>
    </message>
    <message>
      <source>区：{0}（{1}）</source>
      <translation>District: {0} ({1})</translation>
    </message>
    <message>
      <source>全部 {0} 项已评</source>
      <translation>All {0} items scored</translation>
    </message>
    <message>
      <source>已评 {0} / {1} 项</source>
      <translation>{0} of {1} items scored</translation>
    </message>
    <message>
      <source>类别</source>
      <translation>Category</translation>
    </message>
    <message>
      <source>评分内容</source>
      <translation>Criterion</translation>
    </message>
    <message>
      <source>分值</source>
      <translation>Points</translation>
    </message>
    <message>
      <source>评分</source>
      <translation>Score</translation>
    </message>
    <message>
      <source>小计 {0} / {1}</source>
      <translation>Subtotal {0} / {1}</translation>
    </message>
    <message>
      <source>（本表得分已达“{0}”，但因合同未全部签订，本区不能入选。）</source>
      <translation> (This sheet reaches "{0}", but with contracts unsigned the district cannot be chosen.)</translation>
    </message>
    <message>
      <source>空着则打印“{0}”</source>
      <translation>Left empty, the print says "{0}"</translation>
    </message>
    <message>
      <source>已从 {0} 恢复。</source>
      <translation>Restored from {0}.</translation>
    </message>
    <message>
      <source>原数据库已另存为 {0}。</source>
      <translation>The database it replaced is kept as {0}.</translation>
    </message>
    <message>
      <source>恢复最新的完好备份（{0}）吗？</source>
      <translation>Restore the newest sound backup ({0})?</translation>
    </message>
  </context>
</TS>
