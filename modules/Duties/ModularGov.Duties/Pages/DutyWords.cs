using ModularGov.Duties.Contracts;
using ModularGov.SharedKernel.Duties;

namespace ModularGov.Duties.Pages;

/// <summary>The Chinese words the console uses for duty kinds, list changes, plaques and who hung them.</summary>
internal static class DutyWords
{
    public static string Kind(DutyKind kind) => kind switch
    {
        DutyKind.Basic => "基本权责事项",
        DutyKind.Coordinating => "配合事项",
        _ => "收回上级事项",
    };

    public static string Action(ChangeAction action) => action switch
    {
        ChangeAction.Add => "新增",
        ChangeAction.Remove => "删除",
        _ => "修改",
    };

    public static string Status(ChangeStatus status) => status switch
    {
        ChangeStatus.Applied => "待部门评估",
        ChangeStatus.Assessed => "待区级审批",
        ChangeStatus.Approved => "已批准",
        _ => "未通过",
    };

    public static string Plaque(PlaqueKind kind) => kind == PlaqueKind.Sign ? "标牌" : "标识";

    /// <summary>The body a plaque was hung by (谁悬挂谁清理): a department's id as it is, else who.</summary>
    public static string Body(string body) => body switch
    {
        "street" => "街道办",
        "community" => "社区",
        "district" => "区级",
        _ => body,
    };

    public static string Admitted(bool admitted) => admitted ? "准入" : "拒绝";
}
