using Microsoft.Extensions.DependencyInjection;
using ModularGov.Host.Hosting;
using ModularGov.Host.Tests.Infrastructure;
using ModularGov.SharedKernel.Privacy;

namespace ModularGov.Host.Tests.Hosting;

/// <summary>The host makes the field cipher from the Privacy section and the data directory, and a bad key file refuses its start.</summary>
public sealed class PersonalDataTests : IDisposable
{
    private readonly TempFolder _folder = new();

    private string KeyFile => Path.Combine(_folder.Path, "keys", "personal-data.key");

    private DistrictHost Create(params string[] args) => DistrictHost.Create(
        [$"--Storage:DataDir={_folder.Path}", "--Storage:Provider=Memory", $"--Plugins:Path={RepoPaths.BundledPlugins}", .. args]);

    [Fact]
    public async Task The_host_seals_with_the_configured_cipher_under_a_key_file_it_made_in_the_data_directory()
    {
        await using var host = Create("--Privacy:Cipher=sm4-gcm");
        var cipher = host.App.Services.GetRequiredService<IFieldCipher>();
        var sealedName = cipher.Seal("李娜");
        sealedName.ShouldStartWith("v1.sm4-gcm.");
        cipher.Open(sealedName).ShouldBe("李娜");
        File.Exists(KeyFile).ShouldBeTrue();
    }

    [Fact]
    public void A_malformed_key_file_refuses_the_start_naming_the_file_and_line()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(KeyFile)!);
        File.WriteAllLines(KeyFile, ["# keys", "aes-gcm k1 not-base64"]);
        var refused = Should.Throw<StartupRefusedException>(() => Create());
        refused.Message.ShouldContain($"{KeyFile} line 2");
        StartupRefusal.Reason(refused).ShouldBe(refused.Message);
    }

    [Fact]
    public void An_unknown_cipher_refuses_the_start_naming_the_key()
    {
        var refused = Should.Throw<Microsoft.Extensions.Options.OptionsValidationException>(() => Create("--Privacy:Cipher=des"));
        StartupRefusal.Reason(refused).ShouldNotBeNull().ShouldContain("Privacy:Cipher");
    }

    public void Dispose() => _folder.Dispose();
}
