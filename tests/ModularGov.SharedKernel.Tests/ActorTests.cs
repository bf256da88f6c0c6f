using ModularGov.SharedKernel.Access;

namespace ModularGov.SharedKernel.Tests;

public class ActorTests
{
    private static readonly Actor Requester = new("南山路街道 张三", "street-operator", "street:nanshanlu", "t-requester", "t-district");

    [Fact]
    public void Four_eyes_sees_the_same_token_a_token_it_issued_and_a_token_for_the_same_person()
    {
        Requester.MayBeOrActFor(Requester).ShouldBeTrue();
        new Actor("南山路街道 李四", "street-operator", "street:nanshanlu", "t-other", "t-requester").MayBeOrActFor(Requester).ShouldBeTrue("issued by the requester");
        new Actor("南山路街道 张三", "street-operator", "street:nanshanlu", "t-second", "t-district").MayBeOrActFor(Requester).ShouldBeTrue("the same person");
    }

    [Fact]
    public void Four_eyes_lets_another_person_on_a_token_the_requester_did_not_issue_decide()
    {
        new Actor("南山路街道 李四", "street-operator", "street:nanshanlu", "t-other", "t-district").MayBeOrActFor(Requester).ShouldBeFalse();
        new Actor("区级管理员", "district-admin", "district", "t-district").MayBeOrActFor(Requester).ShouldBeFalse("the token that issued the requester's is someone else");
    }
}
