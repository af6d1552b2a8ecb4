<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_GB" sourcelanguage="zh_CN">
  <context>
    <name>zeshi</name>
    <message>
      <source>无法完成</source>
      <translation>Cannot do that</translation>
    </message>
    <message>
      <source>提示</source>
      <translation>Note</translation>
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
      <source>时间</source>
      <translation>Time</translation>
    </message>
    <message>
      <source>操作人</source>
      <translation>By</translation>
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
      <source>选择</source>
      <translation>Selection</translation>
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
      <source>退出</source>
      <translation>Quit</translation>
    </message>
    <message>
      <source>编辑(&amp;E)</source>
      <translation>&amp;Edit</translation>
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
      <source>语言(&amp;L)</source>
      <translation>&amp;Language</translation>
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
      <source>街乡镇 / 区专班（3-1、4-1、4-2、5-1）</source>
      <translation>Office / district task force (3-1, 4-1, 4-2, 5-1)</translation>
    </message>
    <message>
      <source>街乡镇 / 区专班</source>
      <translation>Office / district task force</translation>
    </message>
    <message>
      <source>已保存</source>
      <translation>Saved</translation>
    </message>
    <message>
      <source>责师评审</source>
      <translation>Planner review</translation>
    </message>
    <message>
      <source>年度：</source>
      <translation>Year:</translation>
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
      <source>区 / 责任单元 / 责师</source>
      <translation>District / unit / planner</translation>
    </message>
    <message>
      <source>（团队）</source>
      <translation> (team)</translation>
    </message>
    <message>
      <source>{0} 年度，聘期 {1} 年</source>
      <translation>Year {0}, term {1} year(s)</translation>
    </message>
    <message>
      <source>打印模块尚未安装。</source>
      <translation>The printing module is not installed.</translation>
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
      <source>解锁…</source>
      <translation>Unlock…</translation>
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
      <source>不能定稿：</source>
      <translation>Cannot finalise: </translation>
    </message>
    <message>
      <source>定稿后评审表将被锁定，修改须说明理由解锁。确定定稿“{0}”吗？</source>
      <translation>Finalising locks the sheet; changing it later needs a reason. Finalise “{0}”?</translation>
    </message>
    <message>
      <source>序号</source>
      <translation>No.</translation>
    </message>
    <message>
      <source>责任片区</source>
      <translation>Unit</translation>
    </message>
    <message>
      <source>责师</source>
      <translation>Planner</translation>
    </message>
    <message>
      <source>等级</source>
      <translation>Band</translation>
    </message>
    <message>
      <source>请在左侧选择一个区。</source>
      <translation>Choose a district on the left.</translation>
    </message>
    <message>
      <source>3-2 由区级评审组成员填写：请在上方“评分人”中选择本区的一位评审人。</source>
      <translation>3-2 is filled in by members of the district review group: choose one of this district's reviewers under “Who is scoring”.</translation>
    </message>
    <message>
      <source>年度：{0}</source>
      <translation>Year: {0}</translation>
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
      <source>是</source>
      <translation>Yes</translation>
    </message>
    <message>
      <source>否</source>
      <translation>No</translation>
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
      <source>责任单元</source>
      <translation>Unit</translation>
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
      <source>聘期</source>
      <translation>Term</translation>
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
      <source>请在左侧选择一位责师（责任单元下的责师）。</source>
      <translation>Choose a planner on the left (under a unit).</translation>
    </message>
    <message>
      <source>选择“不同意”时必填</source>
      <translation>Required with “Disagree”</translation>
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
      <source>设定权重</source>
      <translation>Set weights</translation>
    </message>
    <message>
      <source>区级评审组去掉一个最高分和一个最低分（至少 5 位评审人）</source>
      <translation>Drop the highest and lowest review-group total (5 reviewers or more)</translation>
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
      <translation>This district has not set its weights; the defaults are used until you confirm them with “Set weights”.</translation>
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
      <source>名册</source>
      <translation>Roster</translation>
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
      <source>成员姓名</source>
      <translation>Member name</translation>
    </message>
    <message>
      <source>资质（如注册规划师）</source>
      <translation>Qualification (e.g. registered planner)</translation>
    </message>
    <message>
      <source>添加到所选责师</source>
      <translation>Add to the chosen planner</translation>
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
      <source>单位</source>
      <translation>Organisation</translation>
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
      <source>区</source>
      <translation>District</translation>
    </message>
    <message>
      <source>圈层</source>
      <translation>Circle</translation>
    </message>
    <message>
      <source>成员</source>
      <translation>Member</translation>
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
      <source>请先在上表中选择一位责师。</source>
      <translation>First choose a planner in the table above.</translation>
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
      <source>区：</source>
      <translation>District:</translation>
    </message>
    <message>
      <source>责任单元：</source>
      <translation>Unit:</translation>
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
      <source>（暂定）</source>
      <translation> (provisional)</translation>
    </message>
    <message>
      <source>在此填写意见建议（自动保存）</source>
      <translation>Comments and suggestions (saved automatically)</translation>
    </message>
    <message>
      <source>评审单位：</source>
      <translation>Reviewing office:</translation>
    </message>
    <message>
      <source>请在上方“评分人”中选择一位市级评审人。</source>
      <translation>Choose a city reviewer under “Who is scoring”.</translation>
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
      <translation> (This sheet reaches “{0}”, but with contracts unsigned the district cannot be chosen.)</translation>
    </message>
  </context>
</TS>
