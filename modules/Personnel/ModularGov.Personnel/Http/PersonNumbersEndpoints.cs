using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using ModularGov.Personnel.Contracts;
using ModularGov.Personnel.Views;
using ModularGov.SharedKernel.Access;
using ModularGov.SharedKernel.Access.Places;
using ModularGov.SharedKernel.Http;
using ModularGov.SharedKernel.Privacy;
using ModularGov.SharedKernel.State;

namespace ModularGov.Personnel.Http;

/// <summary>
/// A person's identity and phone numbers (个人信息): checked, then sealed here at the edge so that no grain, store or log holds them
/// whole; opened only for the street office that owns the record, and each opening is written to the audit log.
/// </summary>
internal static class PersonNumbersEndpoints
{
    public sealed record Numbers(string? IdentityNumber, string? Phone);

    public static void Map(IEndpointRouteBuilder api)
    {
        var person = api.MapPlaceGroup<PersonPlace>("/people/{personId}").WithTags("Personnel");
        person.MapPut("/numbers", SetAsync).Allow(PersonnelAccess.OpenNumbers);
        person.MapGet("/numbers", OpenAsync).Allow(PersonnelAccess.OpenNumbers);
    }

    internal static async Task<Results<Ok<PersonSummary>, ProblemHttpResult>> SetAsync(PersonPlace place, Numbers numbers, HttpContext http,
        IGrainFactory grains, IFieldCipher cipher, TimeProvider clock)
    {
        if (FieldLimits.Refusal(("identityNumber", numbers.IdentityNumber, IdentityNumbers.Length), ("phone", numbers.Phone, PhoneNumbers.MaxLength)) is { } tooLong)
            return tooLong;
        SealedNumber? identity = null, phone = null;
        if (numbers.IdentityNumber is { Length: > 0 } given)
        {
            var checkedNumber = IdentityNumbers.Check(given, clock.Today());
            if (!checkedNumber.IsOk)
                return ApiProblems.BadRequest($"identityNumber: {checkedNumber.Reason}");
            identity = new SealedNumber(cipher.Seal(checkedNumber.Value!), Masks.IdentityNumber(checkedNumber.Value)!);
        }
        if (numbers.Phone is { Length: > 0 } givenPhone)
        {
            var checkedPhone = PhoneNumbers.Check(givenPhone);
            if (!checkedPhone.IsOk)
                return ApiProblems.BadRequest($"phone: {checkedPhone.Reason}");
            phone = new SealedNumber(cipher.Seal(checkedPhone.Value!), Masks.Phone(checkedPhone.Value)!);
        }
        if (identity is null && phone is null)
            return ApiProblems.BadRequest("give identityNumber, phone or both");
        var outcome = await grains.GetGrain<IPersonnelGrain>(place.Street.Code).SetNumbersAsync(place.PersonId, identity, phone, Actor.Of(http.Caller()));
        return outcome.IsOk ? TypedResults.Ok(PersonSummary.Of(outcome.Value!)) : ApiProblems.From(outcome.Refusal!.Value, outcome.Reason!);
    }

    private static async Task<Results<Ok<Numbers>, ProblemHttpResult>> OpenAsync(PersonPlace place, HttpContext http, IGrainFactory grains, IFieldCipher cipher)
    {
        if (await grains.GetGrain<IPersonnelGrain>(place.Street.Code).GetPersonAsync(place.PersonId) is not { } person)
            return ApiProblems.NotFound("人员 (person)", place.PersonId);
        if (http.Features.Get<AuditNote>() is { } note)
        {
            note.KeepRead = true;
            note.Detail = $"查看完整个人信息 (whole identity and phone numbers viewed) {place.PersonId}";
        }
        return TypedResults.Ok(new Numbers(person.Identity is { } id ? cipher.Open(id.Sealed) : null, person.Phone is { } phone ? cipher.Open(phone.Sealed) : null));
    }
}
