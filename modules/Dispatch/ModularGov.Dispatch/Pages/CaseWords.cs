using ModularGov.Dispatch.Contracts;

namespace ModularGov.Dispatch.Pages;

/// <summary>The Chinese words the console uses for a case's step, level, urgency, source and history, and for sanctions (a category's are the Grids contracts').</summary>
internal static class CaseWords
{
    public static string Step(CaseStep step) => step switch
    {
        CaseStep.Received => "待核实",
        CaseStep.Verified => "待会商",
        CaseStep.Assigned => "已交办",
        CaseStep.Handling => "办理中",
        CaseStep.Closed => "已办结",
        _ => "已评价",
    };

    public static string Level(DeliberationLevel? level) => level switch
    {
        DeliberationLevel.WorkingGroup => "工作专班",
        DeliberationLevel.CentreLeadership => "中心领导",
        DeliberationLevel.Conveners => "总召集人",
        _ => "—",
    };

    public static readonly IReadOnlyList<(string Value, string Text)> Urgencies =
        [("emergency", "紧急(2小时)"), ("utilities", "水电气暖(24小时)"), ("ordinary", "一般(7个工作日)"), ("complex", "复杂(15个工作日)")];

    public static string Urgency(Urgency urgency) => Urgencies[(int)urgency].Text;

    public static string Source(CaseSource source) => source switch
    {
        CaseSource.Escalation => "网格事项上交",
        CaseSource.Community => "社区上报",
        CaseSource.Street => "街道上报",
        _ => "12345热线",
    };

    public static string Action(string action) => action switch
    {
        "receive" => "接收",
        "link-duplicate" => "并入重复反映",
        "verify" => "调查核实",
        "deliberate" => "会商交办",
        "refer-up" => "提请上一级会商",
        "appeal" => "申诉",
        "appeal-upheld" => "申诉成立",
        "appeal-rejected" => "申诉驳回",
        "progress" => "进展报告",
        "coordinate" => "综合协调",
        "confirm-closure" => "社区确认办结",
        "evaluate" => "评价",
        "overdue" => "超期",
        "deliberation-overdue" => "会商超时,升级",
        "deadline-recounted" => "时限重算",
        _ => action,
    };

    public static string Sanction(SanctionLevel level) => level switch
    {
        SanctionLevel.Notice => "通报",
        SanctionLevel.Interview => "约谈",
        _ => "冻结人事并启动不担当不作为调查",
    };

    public static string ImportOutcome(string outcome) => outcome switch
    {
        "created" => "新建案件",
        "duplicate" => "重复反映,已并入",
        "replayed" => "此前已导入",
        _ => "未导入",
    };
}
