using ModularGov.Duties.Certificates;

namespace ModularGov.Duties.Tests;

/// <summary>不应由基层群众性自治组织出具的证明事项: the counter recognises the resident's words and says who issues it instead.</summary>
public class CertificateTests
{
    private static readonly CertificateList List = CertificateList.Shipped();

    [Fact]
    public void The_list_is_the_national_first_batch_of_20_plus_two_provincial_additions_marked_as_inferred()
    {
        List.Items.Count.ShouldBe(22);
        List.Items.Count(i => i.Source.Contains("第一批")).ShouldBe(20);
        List.Items.Count(i => i.Source.Contains("inferred")).ShouldBe(2);
        List.Items.ShouldAllBe(i => i.IssuedBy.Length > 0 && i.Bring.Length > 0);
    }

    [Theory]
    [InlineData("意外摔倒证明", "意外伤害证明")]
    [InlineData("摔倒证明", "意外伤害证明")]
    [InlineData("亲子关系证明", "亲属关系证明")]
    [InlineData("父子关系证明", "亲属关系证明")]
    [InlineData("婚姻关系证明", "婚姻状况证明")]
    [InlineData("死亡证明", "死亡证明")]
    [InlineData("无工作证明", "居民就业状况证明")]
    [InlineData("没有工作的证明", "居民就业状况证明")]
    [InlineData("收入证明", "收入证明")]
    [InlineData("我想开一个 无犯罪记录 的证明", "无犯罪记录证明")]
    [InlineData("身份证丢了,要个遗失证明", "证件遗失证明")]
    public void Every_example_of_the_seed_and_common_wordings_are_refused_with_the_issuing_authority(string words, string item)
    {
        var check = List.Check(words);
        check.Refuse.ShouldBeTrue(words);
        check.Item.ShouldBe(item);
        check.IssuedBy.ShouldNotBeNullOrWhiteSpace();
        check.Message.ShouldContain(check.IssuedBy!);
    }

    [Theory]
    [InlineData("居住证明")]
    [InlineData("社区活动参加证明")]
    public void A_request_not_on_the_list_is_not_refused(string words)
    {
        var check = List.Check(words);
        check.Refuse.ShouldBeFalse();
        check.Item.ShouldBeNull();
    }
}
