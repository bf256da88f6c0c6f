using ModularGov.Duties.Contracts;
using ModularGov.SharedKernel.Duties;
using ModularGov.SharedKernel.Web;

namespace ModularGov.Duties.Pages;

/// <summary>The columns of a duty list version (items bound to posts) and of the tasks pushed down to a street.</summary>
internal static class DutyColumns
{
    public static IReadOnlyList<TableColumn<DutyItem>> Items(IReadOnlyList<Post> posts)
    {
        var byCode = posts.ToDictionary(p => p.Code);
        string Post(DutyItem item) => byCode.TryGetValue(item.Post, out var post) ? $"{post.Name}({post.Holder})" : item.Post;
        return
        [
            new("code", "编号", i => i.Code, Searched: true),
            new("kind", "类别", i => DutyWords.Kind(i.Kind), Searched: true),
            new("title", "事项", i => i.Title, Searched: true),
            new("category", "匹配类别", i => i.Category, Searched: true),
            new("post", "岗位(责任人)", Post, Searched: true),
            new("sample", "样例数据", i => i.Sample),
        ];
    }

    public static readonly IReadOnlyList<TableColumn<AdmissionRecord>> Tasks =
    [
        new("id", "编号", t => t.Id, Searched: true),
        new("at", "下派时间", t => t.At),
        new("department", "下派部门", t => t.Department, Searched: true),
        new("title", "任务", t => t.Title, Searched: true),
        new("community", "社区", t => t.Community ?? "—", Searched: true),
        new("admitted", "准入结果", t => DutyWords.Admitted(t.Admitted), Searched: true),
        new("item", "对应清单事项", t => t.Item ?? "—"),
        new("reason", "理由", t => t.Reason, Searched: true),
        new("version", "清单版本", t => t.ListVersion),
    ];

    public static string? TaskClass(string key, AdmissionRecord row) => key == "admitted" && !row.Admitted ? "overdue" : null;
}
