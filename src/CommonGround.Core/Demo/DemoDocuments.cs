using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using CommonGround.Core.Access;
using CommonGround.Core.Accounts;
using CommonGround.Core.Audit;
using CommonGround.Core.Children;
using CommonGround.Core.Data;
using CommonGround.Core.Documents;
using CommonGround.Core.Organisations;
using CommonGround.Core.Team;

namespace CommonGround.Core.Demo;

/// <summary>
/// Grace's speech and language therapy report on Sam, kept with his record in the Health part, so a newcomer sees a
/// document that Alex and Priya can open and that Dan, who is not shared Health, cannot. For Sam's termly review,
/// Priya asked Grace for advice by last Friday, and it has not come yet, so it shows as late; Alex has given their own
/// advice, with three recommendations. Priya has answered two in the plan under review; the third waits for the meeting.
/// </summary>
internal static class DemoDocuments
{
    public static void Add(CommonGroundDbContext db, DateOnly monday, Child sam, Plans.SupportPlan samsPlan, Professional therapist, TeamMember therapistOnSam, Professional senco, UserAccount alex)
    {
        // Alex's own advice for the review, with what they recommend.
        var alexSaid = monday.AddDays(-4).ToDateTime(new TimeOnly(20, 15), DateTimeKind.Utc);
        var own = new Advice.AdviceRequest
        {
            ChildId = sam.Id, AreaId = sam.AreaId, Part = RecordArea.Education, ByFamily = true, About = "What helps Sam at home, for his review",
            AdviserUserId = alex.Id, AdviserName = "Alex Morgan", AdviserOrganisationName = "the family", AskedByUserId = alex.Id, AskedByName = "Alex Morgan",
            AskedByOrganisationName = "the family", AskedAt = alexSaid, DueOn = DateOnly.FromDateTime(alexSaid),
        };
        own.Give("Sam copes when he knows what is coming. The picture timetable on the fridge works, and he calms down with ten minutes on his own with a map.", null,
            ["A visual timetable on his desk, changed with him each morning", "Warning before any change to the day, with a reason", "Ten quiet minutes in the library when the class gets loud"], alexSaid);
        db.AdviceRequests.Add(own);
        db.AuditEvents.Add(AuditEvent.ForChild(new UserActor(alex.Id, "Alex Morgan"), sam.Id, sam.AreaId, alexSaid,
            new ChildChange(AuditActions.AdviceGiven, RecordArea.Education, "Gave the family's own advice, with 3 recommendations", new ChangeSubject.Advice(own.Id))));

        // Priya adopts the first two in the daily check-in; the quiet time in the library is for the review meeting.
        var answeredAt = monday.AddDays(-3).ToDateTime(new TimeOnly(15, 0), DateTimeKind.Utc);
        var checkIn = samsPlan.Lines.Single(l => l.Kind == Plans.PlanLineKind.Provision && l.Position == 3);
        foreach (var recommendation in own.Recommendations.Where(r => r.Position <= 2))
        {
            var answer = new Advice.RecommendationAnswer
            {
                PlanId = samsPlan.Id, RecommendationId = recommendation.Id, RequestId = own.Id, ChildId = sam.Id,
                AnsweredByUserId = senco.UserAccountId, AnsweredByName = "Priya Nair", AnsweredAt = answeredAt,
            };
            answer.Answer(true, checkIn.Id, null, senco.UserAccountId, "Priya Nair", answeredAt);
            db.RecommendationAnswers.Add(answer);
        }

        db.AuditEvents.Add(AuditEvent.ForChild(new UserActor(senco.UserAccountId, "Priya Nair") { OrganisationId = senco.OrganisationId }, sam.Id, sam.AreaId, answeredAt,
            new ChildChange(AuditActions.RecommendationsAnswered, RecordArea.Education,
                "Answered 2 of the recommendations from Alex Morgan's advice in the SEN support plan: 2 adopted, 0 not adopted", new ChangeSubject.Plan(samsPlan.Id))));

        var asked = monday.AddDays(-17).ToDateTime(new TimeOnly(11, 0), DateTimeKind.Utc);
        var request = new Advice.AdviceRequest
        {
            ChildId = sam.Id, AreaId = sam.AreaId, Part = RecordArea.Health, About = "How Sam is getting on with following instructions in class, and what to change at his termly review",
            AdviserTeamMemberId = therapistOnSam.Id, AdviserUserId = therapist.UserAccountId, AdviserName = "Grace Okafor", AdviserOrganisationId = therapist.OrganisationId,
            AdviserOrganisationName = "Northvale Community NHS Trust",
            AskedByUserId = senco.UserAccountId, AskedByName = "Priya Nair", AskedByOrganisationName = "Brookside Primary School", AskedAt = asked, DueOn = monday.AddDays(-3),
        };
        db.AdviceRequests.Add(request);
        db.AuditEvents.Add(AuditEvent.ForChild(new UserActor(senco.UserAccountId, "Priya Nair") { OrganisationId = senco.OrganisationId }, sam.Id, sam.AreaId, asked,
            new ChildChange(AuditActions.AdviceRequested, RecordArea.Health, $"Asked Grace Okafor (Northvale Community NHS Trust) for advice, by {Time.UkDates.Date(request.DueOn)}", new ChangeSubject.Advice(request.Id))));

        var at = monday.AddDays(-115).ToDateTime(new TimeOnly(16, 30), DateTimeKind.Utc);
        var bytes = OnePagePdf(
            "Speech and language therapy report: Sam Morgan",
            "Sam understands single instructions well, especially with a picture or a gesture.",
            "Two-step instructions given to the whole class are hard for him, and he tends to stop rather than ask for help.",
            "Recommended: weekly therapy in school on following instructions and asking for help, and a visual timetable.",
            "Grace Okafor, Speech and language therapist, Northvale Community NHS Trust");
        var document = new Document
        {
            ChildId = sam.Id, AreaId = sam.AreaId, Part = RecordArea.Health, Title = "Speech and language therapy report", FileName = "Sam-Morgan-SALT-report.pdf",
            Type = DocumentType.Pdf, SizeBytes = bytes.Length, Sha256 = Convert.ToHexStringLower(SHA256.HashData(bytes)),
            AddedByUserId = therapist.UserAccountId, AddedByName = "Grace Okafor", AddedByFamily = false, AddedAt = at,
        };
        db.Documents.Add(document);
        db.DocumentContents.Add(new DocumentContent { DocumentId = document.Id, Bytes = bytes });
        db.AuditEvents.Add(AuditEvent.ForChild(new UserActor(therapist.UserAccountId, "Grace Okafor") { OrganisationId = therapist.OrganisationId }, sam.Id, sam.AreaId, at,
            new ChildChange(AuditActions.DocumentAdded, RecordArea.Health, $"Added the document \"{document.Title}\"", new ChangeSubject.Document(document.Id))));
    }

    /// <summary>A one-page PDF with a line of text per paragraph, so the demo's report opens in any reader.</summary>
    private static byte[] OnePagePdf(params string[] lines)
    {
        var text = new StringBuilder("BT /F1 12 Tf 50 780 Td 16 TL\n");
        foreach (var line in lines)
        {
            text.Append('(').Append(line.Replace("\\", "\\\\").Replace("(", "\\(").Replace(")", "\\)")).Append(") Tj T*\n");
        }

        text.Append("ET");
        var stream = text.ToString();
        string[] objects =
        [
            "<< /Type /Catalog /Pages 2 0 R >>",
            "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
            $"<< /Length {Encoding.ASCII.GetByteCount(stream)} >>\nstream\n{stream}\nendstream",
            "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        ];
        var pdf = new StringBuilder("%PDF-1.4\n");
        var offsets = new List<int>();
        for (var i = 0; i < objects.Length; i++)
        {
            offsets.Add(Encoding.ASCII.GetByteCount(pdf.ToString()));
            pdf.Append(CultureInfo.InvariantCulture, $"{i + 1} 0 obj\n{objects[i]}\nendobj\n");
        }

        var xref = Encoding.ASCII.GetByteCount(pdf.ToString());
        pdf.Append(CultureInfo.InvariantCulture, $"xref\n0 {objects.Length + 1}\n0000000000 65535 f \n");
        foreach (var offset in offsets)
        {
            pdf.Append(CultureInfo.InvariantCulture, $"{offset:D10} 00000 n \n");
        }

        pdf.Append(CultureInfo.InvariantCulture, $"trailer\n<< /Size {objects.Length + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n");
        return Encoding.ASCII.GetBytes(pdf.ToString());
    }
}
