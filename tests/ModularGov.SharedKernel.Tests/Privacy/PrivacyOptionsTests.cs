using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using ModularGov.SharedKernel.Privacy;
using ModularGov.SharedKernel.Settings;

namespace ModularGov.SharedKernel.Tests.Privacy;

public sealed class PrivacyOptionsTests
{
    private static PrivacyOptions Bind(params (string Key, string Value)[] values) => CheckedOptions.Bind<PrivacyOptions>(
        new ConfigurationBuilder().AddInMemoryCollection(values.Select(v => new KeyValuePair<string, string?>(v.Key, v.Value))).Build(),
        PrivacyOptions.Section);

    [Fact]
    public void The_defaults_are_AES_GCM_and_a_key_file_beside_the_data()
    {
        var options = Bind();
        options.Cipher.ShouldBe("aes-gcm");
        options.KeyFile.ShouldBe(Path.Combine("keys", "personal-data.key"));
        Bind(("Privacy:Cipher", "sm4-gcm")).Cipher.ShouldBe(FieldCiphers.Sm4Gcm);
    }

    [Fact]
    public void An_unknown_cipher_or_an_empty_key_file_refuses_the_start_naming_the_key()
    {
        var refused = Should.Throw<OptionsValidationException>(() => Bind(("Privacy:Cipher", "sm4-cbc"), ("Privacy:KeyFile", " ")));
        refused.Failures.ShouldBe([
            "Privacy:Cipher must be one of aes-gcm, sm4-gcm (was 'sm4-cbc')",
            "Privacy:KeyFile must not be empty (was ' ')",
        ]);
    }
}
