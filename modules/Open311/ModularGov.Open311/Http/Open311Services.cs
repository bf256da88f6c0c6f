using System.Text.Json;
using ModularGov.Grids.Contracts;

namespace ModularGov.Open311.Http;

/// <summary>Our problem categories (上报事项类别) as Open311 services: the code is the category's API name, the name and description Chinese.</summary>
internal static class Open311Services
{
    public static IReadOnlyList<ProblemCategory> All => Enum.GetValues<ProblemCategory>();

    /// <summary>The category a <c>service_code</c> names (its API name, exactly), or null.</summary>
    public static ProblemCategory? Find(string? code) => All.Cast<ProblemCategory?>().FirstOrDefault(c => Code(c!.Value) == code);

    public static string Code(ProblemCategory category) => JsonNamingPolicy.CamelCase.ConvertName(category.ToString());

    public static string Description(ProblemCategory category) => category switch
    {
        ProblemCategory.Environment => "环境卫生:垃圾堆放、污水、卫生死角等",
        ProblemCategory.Facilities => "市政设施:道路、路灯、井盖、排水等损坏",
        ProblemCategory.Property => "物业管理:小区物业服务问题,按小区物业分级交由责任方",
        ProblemCategory.Utilities => "水电气暖:停水、停电、燃气、供暖问题",
        ProblemCategory.Safety => "安全隐患:消防通道堵塞、危险建筑、电动车违规充电等",
        ProblemCategory.Dispute => "矛盾纠纷:邻里、物业、家庭等纠纷",
        ProblemCategory.Construction => "违章建设:私搭乱建、违规占用公共空间",
        _ => "其他:不属于以上类别的问题",
    };

    public static Open311Object Service(ProblemCategory category) => new("service",
    [
        ("service_code", Code(category)),
        ("service_name", category.Chinese()),
        ("description", Description(category)),
        ("metadata", false),
        ("type", "realtime"),
        ("keywords", null),
        ("group", "网格事项"),
    ]);
}
