using ModularGov.SharedKernel.Privacy;

namespace ModularGov.SharedKernel.Tests.Privacy;

public sealed class MasksTests
{
    [Fact]
    public void An_identity_number_shows_its_first_3_and_last_4_characters()
    {
        Masks.IdentityNumber("110105199003071234").ShouldBe("110***********1234");
        Masks.IdentityNumber("11010519491231002X").ShouldBe("110***********002X");
    }

    [Fact]
    public void A_mobile_shows_its_first_3_and_last_4_digits_whatever_its_separators()
    {
        Masks.Phone("13812345678").ShouldBe("138****5678");
        Masks.Phone("138-1234-5678").ShouldBe("138****5678");
    }

    [Fact]
    public void Any_other_number_keeps_its_last_4_only()
    {
        Masks.Phone("010-12345678").ShouldBe("********5678");
        Masks.Phone("0755 1234567").ShouldBe("********4567");
    }

    [Fact]
    public void Null_and_empty_stay_and_a_value_too_short_to_hide_anything_is_all_stars()
    {
        Masks.IdentityNumber(null).ShouldBeNull();
        Masks.IdentityNumber("").ShouldBe("");
        Masks.Phone(null).ShouldBeNull();
        Masks.Phone("").ShouldBe("");
        Masks.Phone("1234").ShouldBe("****");
        Masks.IdentityNumber("1101051").ShouldBe("*******");
    }
}
