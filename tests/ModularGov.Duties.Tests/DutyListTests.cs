using ModularGov.Duties.Contracts;
using ModularGov.Duties.Lists;
using ModularGov.Testing;
using ModularGov.SharedKernel.Access;
using ModularGov.SharedKernel.Duties;
using ModularGov.SharedKernel.Results;
using ModularGov.SharedKernel.Rules;

namespace ModularGov.Duties.Tests;

/// <summary>清单之外无事项, 准入退出动态调整, 属地责任事项协议备案制, on a two-silo cluster.</summary>
public sealed class DutyListTests(DutiesCluster cluster) : IClassFixture<DutiesCluster>
{
    private static readonly Actor Civil = DutiesCluster.Person("民政局", "department-staff", "department:civil");
    private static readonly Actor Street = DutiesCluster.Person("街道办", "street-operator", "street:beidajie");
    private static readonly Actor District = DutiesCluster.Person("区委社会工作部", "district-admin", "district");

    private IDutyListGrain List(string street, int silo = 0) => cluster.Silo(silo).GetGrain<IDutyListGrain>(street);

    private static PushedTask Task(string street, string title, string? category = null, string? item = null, string department = "civil") =>
        new(department, street, null, title, category, item);

    [Fact]
    public async Task A_task_on_the_list_is_admitted_and_bound_to_its_post()
    {
        var admitted = (await List("shangzhan").AdmitAsync(Task("shangzhan", "开展低保年审", category: "welfare"), Civil)).Value!;
        admitted.Admitted.ShouldBeTrue();
        admitted.Item.ShouldBe("b006");
        admitted.AssignedTo!.ShouldStartWith("民政服务岗");
    }

    [Fact]
    public async Task A_task_not_on_the_list_is_refused_with_the_reason_recorded_and_counted()
    {
        var refused = (await List("shangzhan").AdmitAsync(Task("shangzhan", "统计辖区企业用电量", category: "electricity"), Civil)).Value!;
        refused.Admitted.ShouldBeFalse();
        refused.Reason.ShouldStartWith("清单之外无事项");
        var handedBack = (await List("shangzhan").AdmitAsync(Task("shangzhan", "完成招商引资任务", item: "r029"), Civil)).Value!;
        handedBack.Admitted.ShouldBeFalse();
        handedBack.Reason.ShouldContain("收回上级");
        (await List("shangzhan", silo: 1).GetTasksByDepartmentAsync()).Single(d => d.Department == "civil").Refused.ShouldBeGreaterThanOrEqualTo(2);
        var records = (await List("shangzhan", silo: 1).ListTasksAsync(0, 1000)).Items;
        records.Select(r => r.Id).ShouldContain(refused.Id);
    }

    [Fact]
    public async Task Nanshanlus_own_rule_refuses_accompanying_even_for_an_item_on_the_list()
    {
        var refused = (await List("nanshanlu").AdmitAsync(Task("nanshanlu", "陪同上级检查安全生产", category: "safety", department: "emergency"), Civil)).Value!;
        refused.Admitted.ShouldBeFalse();
        refused.Reason.ShouldContain("陪同");
        (await List("shangzhan").AdmitAsync(Task("shangzhan", "陪同上级检查安全生产", category: "safety", department: "emergency"), Civil)).Value!.Admitted.ShouldBeTrue();
    }

    [Fact]
    public async Task A_task_under_a_filed_agreement_goes_to_the_primary_party()
    {
        var agreement = (await List("yijing").FileAgreementAsync("urban", "b010", "义井镇人民政府", "城区城市管理局", Street)).Value!;
        var task = (await List("yijing").AdmitAsync(Task("yijing", "清理村道垃圾", item: "b010", department: "urban"), Civil)).Value!;
        task.AssignedTo!.ShouldStartWith("义井镇人民政府 (主责");
        task.AssignedTo.ShouldContain(agreement.Id);
        (await List("yijing").FileAgreementAsync("urban", "x999", "甲", "乙", Street)).Refusal.ShouldBe(Refusal.Invalid);
        (await List("yijing").FileAgreementAsync("urban", "b010", "甲", "甲", Street)).Refusal.ShouldBe(Refusal.Invalid);
    }

    [Fact]
    public async Task A_change_goes_application_assessment_approval_and_makes_a_new_version_that_can_be_compared()
    {
        var list = List("beidajie");
        var v1 = await list.GetCurrentAsync();
        var item = new DutyItem("b031", DutyKind.Basic, "既有住宅加装电梯协调", "elevator", "p04", false);
        var change = (await list.ApplyAsync(ChangeAction.Add, item, "居民需求集中,基层点单", "civil", Street)).Value!;
        (await list.ApproveAsync(change.Id, "依据", District)).Refusal.ShouldBe(Refusal.Conflict, "nothing is approved before it is assessed");
        (await list.GetCurrentAsync()).Version.ShouldBe(v1.Version);
        (await list.AdmitAsync(Task("beidajie", "加装电梯", category: "elevator"), Civil)).Value!.Admitted.ShouldBeFalse();

        var housing = DutiesCluster.Person("住建局", "department-staff", "department:housing");
        (await list.AssessAsync(change.Id, true, "不是问我的", housing)).Refusal.ShouldBe(Refusal.Forbidden, "部门评估: only the department the change names assesses it");
        (await list.AssessAsync(change.Id, true, "民政部门评估:属基层可承接事项", Civil)).Value!.Status.ShouldBe(ChangeStatus.Assessed);
        var approved = (await list.ApproveAsync(change.Id, "《城区村(社区)工作事项准入办法》第五条", District)).Value!;
        approved.NewVersion.ShouldBe(v1.Version + 1);
        var v2 = await list.GetCurrentAsync();
        (v2.Version, v2.Change).ShouldBe((v1.Version + 1, change.Id));
        (await list.GetVersionAsync(v1.Version))!.Items.Count.ShouldBe(v1.Items.Count, "every version is kept");
        var diff = (await list.CompareAsync(v1.Version, v2.Version)).Value!;
        diff.Added.Select(i => i.Code).ShouldBe(["b031"]);
        diff.Removed.ShouldBeEmpty();
        (await list.AdmitAsync(Task("beidajie", "加装电梯", category: "elevator"), Civil)).Value!.Admitted.ShouldBeTrue();
    }

    [Fact]
    public async Task The_district_rejects_an_assessed_change_saying_why_the_list_stays_and_the_item_may_be_applied_for_again()
    {
        var list = List("beidajie");
        var v1 = await list.GetCurrentAsync();
        var item = new DutyItem("b032", DutyKind.Basic, "辖区共享单车停放秩序管理", "bikes", "p04", false);
        var change = (await list.ApplyAsync(ChangeAction.Add, item, "基层点单", "civil", Street)).Value!;
        (await list.RejectAsync(change.Id, "未经评估", District)).Refusal.ShouldBe(Refusal.Conflict, "the district decides only what a department assessed");
        (await list.AssessAsync(change.Id, true, "可承接", Civil)).Value!.Status.ShouldBe(ChangeStatus.Assessed);
        (await list.RejectAsync(change.Id, " ", District)).Refusal.ShouldBe(Refusal.Invalid, "a rejection says why");

        var rejected = (await list.RejectAsync(change.Id, "属行业主管部门职责,不宜下沉社区", District)).Value!;
        (rejected.Status, rejected.Rejection, rejected.NewVersion, rejected.DecidedBy).ShouldBe((ChangeStatus.Rejected, "属行业主管部门职责,不宜下沉社区", null, District));
        (await list.ApproveAsync(change.Id, "依据", District)).Refusal.ShouldBe(Refusal.Conflict, "a rejected change is decided");
        (await list.GetCurrentAsync()).Version.ShouldBe(v1.Version);
        (await list.ApplyAsync(ChangeAction.Add, item, "再次申请", "civil", Street)).IsOk.ShouldBeTrue("the item is free for a new application");
    }

    [Fact]
    public async Task Three_hundred_pushed_tasks_are_all_listed_in_pages_in_order_and_the_lists_own_state_does_not_grow_with_them()
    {
        var list = List("nanshanlu");
        var before = (await list.GetTasksByDepartmentAsync()).SingleOrDefault(d => d.Department == "housing");
        async Task PushAsync(IEnumerable<int> numbers)
        {
            foreach (var n in numbers)
                (await list.AdmitAsync(Task("nanshanlu", $"任务 {n}", category: n % 2 == 0 ? "welfare" : "billing", department: "housing"), Civil)).IsOk.ShouldBeTrue();
        }

        await PushAsync(Enumerable.Range(1, 20));
        var after20 = await cluster.StoredStateSizeAsync(typeof(DutyListGrain), list);
        await PushAsync(Enumerable.Range(21, 280));
        var after300 = await cluster.StoredStateSizeAsync(typeof(DutyListGrain), list);
        after300.ShouldBeLessThanOrEqualTo(after20 + 8, "counters' encodings may grow a byte each; nothing else may");

        var listed = new List<AdmissionRecord>();
        int? after = 0;
        while (after is { } from)
        {
            var page = await List("nanshanlu", silo: 1).ListTasksAsync(from, 64);
            listed.AddRange(page.Items);
            after = page.NextAfter;
        }
        listed.Select(t => t.Id).ShouldBe(Enumerable.Range(1, listed.Count).Select(n => $"nanshanlu.t{n:D5}"));
        listed.Where(t => t.Department == "housing").Select(t => t.Title).TakeLast(300).ShouldBe(Enumerable.Range(1, 300).Select(n => $"任务 {n}"));
        var housing = (await list.GetTasksByDepartmentAsync()).Single(d => d.Department == "housing");
        (housing.Admitted - (before?.Admitted ?? 0), housing.Refused - (before?.Refused ?? 0)).ShouldBe((150, 150));
    }

    [Fact]
    public async Task A_bad_change_or_task_is_refused_and_writes_nothing()
    {
        var list = List("nanshanlu", silo: 1);
        var changes = (await list.ListChangesAsync(0, 1000)).Items.Count;
        var admissions = (await list.ListTasksAsync(0, 1000)).Items.Count;
        (await list.ApplyAsync(ChangeAction.Add, new DutyItem("b001", DutyKind.Basic, "重复", "x", "p01", false), "理由", "civil", Street)).Refusal.ShouldBe(Refusal.Invalid);
        (await list.ApplyAsync(ChangeAction.Add, new DutyItem("b099", DutyKind.Basic, "新事项", "x", "p99", false), "理由", "civil", Street)).Refusal.ShouldBe(Refusal.Invalid);
        (await list.ApplyAsync(ChangeAction.Remove, new DutyItem("b098", DutyKind.Basic, "", "", "", false), "理由", "civil", Street)).Refusal.ShouldBe(Refusal.Invalid);
        (await list.ApplyAsync(ChangeAction.Add, new DutyItem("b097", DutyKind.Basic, "新事项", "x", "p01", false), "理由", "", Street)).Refusal.ShouldBe(Refusal.Invalid, "an application names the department that assesses it");
        (await list.AssessAsync("nanshanlu.dc9999", true, "x", Civil)).Refusal.ShouldBe(Refusal.NotFound);
        (await list.AdmitAsync(Task("nanshanlu", ""), Civil)).Refusal.ShouldBe(Refusal.Invalid);
        (await list.AdmitAsync(new PushedTask("civil", "nanshanlu", "nosuch", "x", "welfare", null), Civil)).Refusal.ShouldBe(Refusal.Invalid);
        (await list.ListChangesAsync(0, 1000)).Items.Count.ShouldBe(changes);
        (await list.ListTasksAsync(0, 1000)).Items.Count.ShouldBe(admissions);
        (await list.CompareAsync(1, 7)).Refusal.ShouldBe(Refusal.NotFound);
    }
}
