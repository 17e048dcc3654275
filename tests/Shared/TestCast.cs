using CommonGround.Core.Access;
using CommonGround.Core.Accounts;
using CommonGround.Core.Children;
using CommonGround.Core.Data;
using CommonGround.Core.Organisations;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace CommonGround.Testing;

/// <summary>
/// The people the tests talk about, in one local authority area, with nothing yet recorded about them. Kept apart from
/// the demo on purpose: the demo can grow to show new features without moving what any test starts from.
/// </summary>
public static class TestCast
{
    /// <summary>Adds the cast to an empty database; returns false and adds nothing if it holds any area or account.</summary>
    public static async Task<bool> AddIfEmptyAsync(CommonGroundDbContext db, IPasswordHasher<UserAccount> hasher, TimeProvider time, CancellationToken cancellationToken = default)
    {
        if (await db.Areas.AnyAsync(cancellationToken) || await db.Users.AnyAsync(cancellationToken))
        {
            return false;
        }

        var records = TestRecords.Create(db, hasher, time);
        var northvale = records.Area("Northvale", "NV");
        var council = records.Organisation(northvale, "Northvale Council SEND Team", OrganisationKind.LocalAuthority, "send@northvale.example.org");
        var transport = records.Organisation(northvale, "Northvale Council Home to School Transport", OrganisationKind.Transport, "transport@northvale.example.org");
        var brookside = records.Organisation(northvale, "Brookside Primary School", OrganisationKind.School, "office@brookside.example.org");
        records.Organisation(northvale, "Hillcrest Academy", OrganisationKind.School, "office@hillcrest.example.org");
        var nhs = records.Organisation(northvale, "Northvale Community NHS Trust", OrganisationKind.Health, "slt@northvale-nhs.example.org");
        records.Organisation(northvale, "Northvale Children's Social Care", OrganisationKind.SocialCare, "childrens.services@northvale.example.org");

        var senco = records.Professional(brookside, "senco@example.org", "Priya Nair", "SENCO");
        records.Professional(brookside, "orgadmin@example.org", "Helen Brooks", "School business manager", admin: true);
        var caseworker = records.Professional(council, "caseworker@example.org", "Tom Hughes", "SEND caseworker");
        records.Professional(council, "send.lead@example.org", "Ruth Adeyemi", "SEND team leader", admin: true);
        var therapist = records.Professional(nhs, "therapist@example.org", "Grace Okafor", "Speech and language therapist", admin: true);
        var transportOfficer = records.Professional(transport, "transport@example.org", "Dan Whitfield", "Transport officer", admin: true);
        records.Account("admin@example.org", "Service Admin", AccountKind.ServiceAdmin);

        // Alex looks after Sam (9) and Ellie (6); Jordan (17) decides for themself, with Dee as their parent.
        var alex = records.FamilyAccount("parent@example.org", "Alex Morgan");
        var sam = records.Child(northvale, "Samuel", "Morgan", years: 9, days: 140, preferredName: "Sam");
        records.Family(sam, alex);
        records.Family(records.Child(northvale, "Ellie", "Morgan", years: 6, days: 45), alex);
        var jordan = records.Child(northvale, "Jordan", "Reid", years: 17, days: 200);
        var jordanAccount = records.FamilyAccount("youngperson@example.org", "Jordan Reid");
        records.Family(jordan, jordanAccount, FamilyRelationship.YoungPerson);
        records.Family(jordan, records.FamilyAccount("dee.reid@example.org", "Dee Reid"));

        // Sam's team, each shared only what Alex chose; Jordan's caseworker, shared by Jordan.
        records.Team(sam, senco, "SENCO at Sam's school", alex.Id, keyWorker: true, shared:
            [RecordArea.AboutMe, RecordArea.Education, RecordArea.Health, RecordArea.Commitments, RecordArea.Meetings, RecordArea.Concerns]);
        records.Team(sam, therapist, "Speech and language therapist", alex.Id, shared: [RecordArea.AboutMe, RecordArea.Health, RecordArea.Commitments]);
        records.Team(sam, caseworker, "SEND caseworker", alex.Id, shared: [RecordArea.AboutMe, RecordArea.Education, RecordArea.StatutoryProcess]);
        records.Team(sam, transportOfficer, "Transport officer", alex.Id, shared: [RecordArea.AboutMe, RecordArea.Transport]);
        records.Team(jordan, caseworker, "SEND caseworker", jordanAccount.Id, keyWorker: true, shared: [RecordArea.AboutMe, RecordArea.Education, RecordArea.StatutoryProcess]);

        // A family with no team yet.
        var sunita = records.FamilyAccount("sunita.shah@example.org", "Sunita Shah");
        records.Family(records.Child(northvale, "Arjun", "Shah", years: 11, days: 30), sunita);
        records.Family(records.Child(northvale, "Maya", "Shah", years: 4, days: 90), sunita);

        await records.SaveAsync(cancellationToken);
        return true;
    }
}
