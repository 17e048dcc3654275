using CommonGround.Core.Access;
using CommonGround.Core.Accounts;
using CommonGround.Core.Audit;
using CommonGround.Core.Children;
using CommonGround.Core.Commitments;
using CommonGround.Core.Data;
using CommonGround.Core.Organisations;
using CommonGround.Core.Plans;
using CommonGround.Core.Profiles;
using CommonGround.Core.Team;

namespace CommonGround.Core.Demo;

/// <summary>
/// Sam's story as the demo tells it: Alex wrote About me, and Sam's SEN support plan was written with Alex fourteen
/// weeks ago. Alex asked for one outcome in their own words and Priya took it; three lines of provision followed, each
/// now a commitment with its deliveries, one session of therapy missed. Its termly review has begun: Priya arranged the
/// review meeting, and Alex has said in their own words how one outcome is going, so a newcomer sees the plan, its
/// promises kept and not kept, and a review under way on first sign-in.
/// </summary>
internal static class DemoPlan
{
    public static SupportPlan Add(CommonGroundDbContext db, DateOnly monday, UserAccount alex, Child sam, TeamMember senco, TeamMember therapist,
        Professional sencoStaff, Professional therapistStaff)
    {
        static DateTime At(DateOnly day, int hour) => day.ToDateTime(new TimeOnly(hour, 0), DateTimeKind.Utc);
        var alexActor = new UserActor(alex.Id, "Alex Morgan");
        var priya = new UserActor(sencoStaff.UserAccountId, "Priya Nair") { OrganisationId = sencoStaff.OrganisationId };

        // About me, in Alex's words, written before the plan so the plan opens with them.
        WriteAboutMe(db, sam, alexActor, At(monday.AddDays(-112), 19),
            (ProfileSectionKind.AboutMe, "Sam loves trains, drawing maps and anything with a timetable. He is funny and kind, and he notices things other people miss."),
            (ProfileSectionKind.WhatMatters, "Knowing what is going to happen next. Time somewhere quiet when the classroom gets loud. His dog, Biscuit."),
            (ProfileSectionKind.HowToSupportMe, "Tell me one thing at a time, and show me as well as telling me. Warn me before something changes."));

        var started = monday.AddDays(-109);
        var shared = monday.AddDays(-105);
        var agreed = monday.AddDays(-98);
        var plan = new SupportPlan
        {
            ChildId = sam.Id, AreaId = sam.AreaId, Kind = PlanKind.SenSupport, OrganisationId = sencoStaff.OrganisationId, OrganisationName = "Brookside Primary School",
            AuthorUserId = sencoStaff.UserAccountId, AuthorName = "Priya Nair", CreatedAt = At(started, 15),
        };
        db.SupportPlans.Add(plan);
        db.AuditEvents.Add(PlanChanges.Started(priya, plan, plan.CreatedAt));

        var position = new Dictionary<PlanLineKind, int>();
        PlanLine Line(PlanLineKind kind, RecordArea part, string text)
        {
            position[kind] = position.GetValueOrDefault(kind) + 1;
            var line = new PlanLine { PlanId = plan.Id, ChildId = sam.Id, Kind = kind, Part = part, Position = position[kind], Text = text };
            plan.Lines.Add(line);
            db.PlanLines.Add(line);
            db.AuditEvents.Add(PlanChanges.LineSaved(priya, plan, line, added: true, At(started, 16)));
            return line;
        }

        var listening = Line(PlanLineKind.Need, RecordArea.Education, "Sam finds it hard to follow spoken instructions in a busy classroom, and stops work rather than ask for help.");
        listening.BroadArea = BroadAreaOfNeed.CommunicationAndInteraction;
        var change = Line(PlanLineKind.Need, RecordArea.Education, "Changes to the day he has not been told about upset Sam and can take the rest of the morning to settle.");
        change.BroadArea = BroadAreaOfNeed.SocialEmotionalAndMentalHealth;
        var askForHelp = Line(PlanLineKind.Outcome, RecordArea.Education, "Sam will ask an adult for help when he is stuck.");
        askForHelp.AchieveBy = agreed.AddMonths(4);
        askForHelp.HowWeWillKnow = "His teacher notes each time he asks, and Alex hears about it at home.";
        var instructions = Line(PlanLineKind.Outcome, RecordArea.Health, "Sam will follow a two-step instruction given to the whole class.");
        instructions.AchieveBy = agreed.AddMonths(4);
        instructions.HowWeWillKnow = "Grace checks it in class each half term.";

        var promises = new List<(PlanLine Line, TeamMember Provider, Professional Staff)>();
        PlanLine Provision(RecordArea part, string text, TeamMember provider, Professional staff, decimal quantity, int minutes, ProvisionPeriod period, params PlanLine[] serves)
        {
            var line = Line(PlanLineKind.Provision, part, text);
            line.ProviderTeamMemberId = provider.Id;
            line.ProviderName = staff == therapistStaff ? "Grace Okafor" : "Priya Nair";
            line.ProviderOrganisationName = staff == therapistStaff ? "Northvale Community NHS Trust" : "Brookside Primary School";
            line.Quantity = quantity;
            line.Unit = ProvisionUnit.Sessions;
            line.MinutesPerSession = minutes;
            line.Period = period;
            line.StartDate = agreed;
            line.Serves = string.Join(',', serves.Select(s => s.Id));
            promises.Add((line, provider, staff));
            return line;
        }

        var therapy = Provision(RecordArea.Health, "Speech and language therapy in school, on following instructions and asking for help", therapist, therapistStaff, 1, 30, ProvisionPeriod.Week, listening, instructions, askForHelp);
        var reading = Provision(RecordArea.Education, "Small-group reading with a teaching assistant", senco, sencoStaff, 3, 20, ProvisionPeriod.Week, askForHelp);
        Provision(RecordArea.Education, "A check-in with a named adult at the start of each day, going through the visual timetable and any changes", senco, sencoStaff, 1, 10, ProvisionPeriod.Day, change, askForHelp);

        // Shared with Alex, who asked for the first outcome to include friends, and agreed the rest.
        plan.Share(At(shared, 16));
        db.PlanVersions.Add(new PlanVersion { PlanId = plan.Id, ChildId = sam.Id, Number = 1, Stage = PlanVersionStage.SharedWithFamily, Content = PlanContent.Of(plan, []).ToJson(), At = At(shared, 16), ByName = "Priya Nair" });
        db.AuditEvents.Add(PlanChanges.Shared(priya, plan, At(shared, 16)));
        foreach (var line in plan.Lines)
        {
            var suggests = line == askForHelp;
            var response = new PlanResponse
            {
                PlanId = plan.Id, ChildId = sam.Id, LineId = line.Id, LineRevision = line.Revision, PlanNumber = 1,
                Answer = suggests ? PlanAnswer.SuggestChange : PlanAnswer.Agree, Words = suggests ? "Sam will ask an adult or a friend for help when he is stuck." : null,
                ByUserId = alex.Id, ByName = "Alex Morgan", At = At(shared.AddDays(2), 20),
            };
            db.PlanResponses.Add(response);
            if (suggests)
            {
                line.Text = response.Words!;
                line.Revise();
                response.ReplyWith(true, "Yes: asking a friend counts, and it is how he often starts.", "Priya Nair", At(shared.AddDays(3), 9), line.Revision);
            }
        }

        db.AuditEvents.Add(PlanChanges.Answered(alexActor, plan, plan.Lines.Count - 1, 1, 0, At(shared.AddDays(2), 20)));
        db.AuditEvents.Add(PlanChanges.Replied(priya, plan, askForHelp, true, At(shared.AddDays(3), 9)));

        // Agreed: each line of provision became a commitment, with what has been delivered since.
        foreach (var (line, provider, staff) in promises)
        {
            var commitment = Promise(db, plan, line, staff, priya, At(agreed, 15), "Agreed with the family in their plan");
            AddDeliveries(db, commitment, line == therapy ? [DayOfWeek.Tuesday] : line == reading ? [DayOfWeek.Monday, DayOfWeek.Wednesday, DayOfWeek.Friday] : null,
                agreed, monday, staff.UserAccountId, line.ProviderName!, missed: line == therapy ? agreed.AddDays(22) : null);
        }

        plan.Agree(At(agreed, 15), agreed, "AboutMe:1,WhatMatters:1,HowToSupportMe:1");
        db.PlanVersions.Add(new PlanVersion { PlanId = plan.Id, ChildId = sam.Id, Number = 1, Stage = PlanVersionStage.Agreed, Content = PlanContent.Of(plan, []).ToJson(), At = At(agreed, 15), ByName = "Priya Nair" });
        db.AuditEvents.Add(PlanChanges.Agreed(priya, plan, At(agreed, 15)));

        // The termly review: Priya arranged the meeting and started the review last Friday; Alex has said how asking
        // for help is going. The team's view, and the next version, are still to come.
        var reviewStarted = At(monday.AddDays(-3), 14);
        var meeting = new Meetings.Meeting
        {
            ChildId = sam.Id, AreaId = sam.AreaId, Kind = Meetings.MeetingKind.Review, StartsAt = At(monday.AddDays(10), 15).AddMinutes(30), DurationMinutes = 60,
            Place = "Brookside Primary School, the SENCO's room", OrganiserUserId = priya.UserId, OrganiserName = "Priya Nair", OrganiserEmail = "senco@example.org",
            OrganiserOrganisationId = sencoStaff.OrganisationId, OrganiserOrganisationName = "Brookside Primary School",
            NoteTakerUserId = priya.UserId, NoteTakerName = "Priya Nair", ScheduledAt = reviewStarted.AddMinutes(-10),
        };
        meeting.Invitees.Add(new Meetings.MeetingInvitee { MeetingId = meeting.Id, UserAccountId = alex.Id, Name = "Alex Morgan", Email = alex.Email!, Role = "Parent carer", IsFamily = true });
        meeting.Invitees.Add(new Meetings.MeetingInvitee { MeetingId = meeting.Id, UserAccountId = priya.UserId, Name = "Priya Nair", Email = "senco@example.org", Role = "SENCO, Brookside Primary School", IsFamily = false });
        db.Meetings.Add(meeting);
        db.AuditEvents.Add(AuditEvent.ForChild(priya, sam.Id, sam.AreaId, meeting.ScheduledAt, new ChildChange(AuditActions.MeetingScheduled, RecordArea.Meetings,
            "Arranged a meeting: review of the SEN support plan", new ChangeSubject.Meeting(meeting.Id))));
        plan.StartReview(reviewStarted, meeting.Id);
        db.AuditEvents.Add(PlanChanges.ReviewStarted(priya, plan, reviewStarted));
        var alexSaid = At(monday.AddDays(-2), 20);
        db.OutcomeProgress.Add(new OutcomeProgress
        {
            PlanId = plan.Id, ChildId = sam.Id, OutcomeLineId = askForHelp.Id, ReviewNumber = plan.ReviewNumber, ByFamily = true, Part = askForHelp.Part, OutcomeText = askForHelp.Text,
            Words = "He asks me or his sister for help with homework now, and his teacher says he put his hand up twice last week. He still freezes when the class is noisy.",
            ByUserId = alex.Id, ByName = "Alex Morgan", At = alexSaid,
        });
        db.AuditEvents.Add(PlanChanges.ProgressRecorded(alexActor, plan, askForHelp, byFamily: true, alexSaid));

        // Grace suggested a change to About me from what she sees in therapy; it waits for Alex, whose words they are.
        var grace = new UserActor(therapistStaff.UserAccountId, "Grace Okafor") { OrganisationId = therapistStaff.OrganisationId };
        var suggested = At(monday.AddDays(-4), 13);
        db.ProfileSuggestions.Add(new ProfileSuggestion
        {
            ChildId = sam.Id, Section = ProfileSectionKind.HowToSupportMe, VersionBefore = 1,
            TextBefore = "Tell me one thing at a time, and show me as well as telling me. Warn me before something changes.",
            SuggestedText = "Tell me one thing at a time, and show me as well as telling me. Warn me before something changes. Give me time to answer before you ask again: I am working it out.",
            Reason = "In therapy Sam answers well when he is given about ten seconds, and stops if the question is repeated.",
            SuggestedByUserId = grace.UserId, SuggestedByName = grace.Name, SuggestedByOrganisation = "Northvale Community NHS Trust", SuggestedAt = suggested,
        });
        db.AuditEvents.Add(AuditEvent.ForChild(grace, sam.Id, sam.AreaId, suggested, new ChildChange(AuditActions.ProfileSuggested, ProfileSectionKind.HowToSupportMe.Area(),
            $"Suggested a change to \"{ProfileSectionKind.HowToSupportMe.Title()}\"", new ChangeSubject.AboutMeSection(ProfileSectionKind.HowToSupportMe))));
        return plan;
    }

    /// <summary>
    /// Jordan's EHC plan, issued by the council last year on the day the needs assessment's final plan was: Jordan's
    /// own words first, needs, outcomes, provision the council secures (Tom answers for it, and records what the
    /// college reports), the college named in section I, and the advice in section K from the assessment.
    /// </summary>
    public static void AddJordans(CommonGroundDbContext db, DateOnly monday, UserAccount jordanAccount, Child jordan, TeamMember caseworkerOnJordan,
        Professional caseworker, DateOnly draft, DateOnly final)
    {
        static DateTime At(DateOnly day, int hour) => day.ToDateTime(new TimeOnly(hour, 0), DateTimeKind.Utc);
        var jordanActor = new UserActor(jordanAccount.Id, "Jordan Reid");
        var tom = new UserActor(caseworker.UserAccountId, "Tom Hughes") { OrganisationId = caseworker.OrganisationId };

        WriteAboutMe(db, jordan, jordanActor, At(draft.AddDays(-30), 18),
            (ProfileSectionKind.AboutMe, "I'm Jordan. I like music production, football on a Sunday and my nan's cooking. I want to run my own studio one day."),
            (ProfileSectionKind.HowToSupportMe, "Give me deadlines in writing, not just said in class. Let me leave a lesson five minutes early when the corridors are packed."));

        var plan = new SupportPlan
        {
            ChildId = jordan.Id, AreaId = jordan.AreaId, Kind = PlanKind.Ehc, OrganisationId = caseworker.OrganisationId, OrganisationName = "Northvale Council SEND Team",
            AuthorUserId = caseworker.UserAccountId, AuthorName = "Tom Hughes", CreatedAt = At(draft.AddDays(-10), 10),
        };
        db.SupportPlans.Add(plan);
        db.AuditEvents.Add(PlanChanges.Started(tom, plan, plan.CreatedAt));
        var position = new Dictionary<PlanLineKind, int>();
        PlanLine Line(PlanLineKind kind, string text)
        {
            position[kind] = position.GetValueOrDefault(kind) + 1;
            var line = new PlanLine { PlanId = plan.Id, ChildId = jordan.Id, Kind = kind, Part = RecordArea.Education, Position = position[kind], Text = text };
            plan.Lines.Add(line);
            db.PlanLines.Add(line);
            db.AuditEvents.Add(PlanChanges.LineSaved(tom, plan, line, added: true, plan.CreatedAt.AddHours(1)));
            return line;
        }

        Line(PlanLineKind.Need, "Jordan finds it hard to plan longer pieces of work and to keep track of deadlines given out loud.").BroadArea = BroadAreaOfNeed.CognitionAndLearning;
        Line(PlanLineKind.Need, "Crowded, noisy corridors make Jordan very anxious, and he has missed the start of lessons to avoid them.").BroadArea = BroadAreaOfNeed.SocialEmotionalAndMentalHealth;
        var coursework = Line(PlanLineKind.Outcome, "Jordan will plan his coursework with a written planner and hand each piece in on time.");
        coursework.AchieveBy = final.AddYears(2);
        coursework.HowWeWillKnow = "His tutor's record of work handed in, and Jordan's own planner.";
        var lessons = Line(PlanLineKind.Outcome, "Jordan will get to every lesson on time without leaving college early.");
        lessons.AchieveBy = final.AddYears(1);
        lessons.HowWeWillKnow = "College attendance records, and Jordan saying how his days feel.";
        var promises = new List<(PlanLine Line, DayOfWeek[]? Days)>();
        void Provision(string text, decimal quantity, int minutes, ProvisionPeriod period, DayOfWeek[]? days, PlanLine serves)
        {
            var line = Line(PlanLineKind.Provision, text);
            line.ProviderTeamMemberId = caseworkerOnJordan.Id;
            line.ProviderName = "Tom Hughes";
            line.ProviderOrganisationName = "Northvale Council SEND Team";
            line.Quantity = quantity;
            line.Unit = ProvisionUnit.Sessions;
            line.MinutesPerSession = minutes;
            line.Period = period;
            line.StartDate = final;
            line.Serves = serves.Id.ToString();
            promises.Add((line, days));
        }

        Provision("Study-skills mentoring at college with a learning mentor, planning each piece of coursework", 1, 45, ProvisionPeriod.Week, [DayOfWeek.Wednesday], coursework);
        Provision("A quiet route between lessons and leave to move five minutes before the bell", 5, 5, ProvisionPeriod.Week, null, lessons);
        Line(PlanLineKind.Placement, "Northvale College, a general further education college: Level 3 music technology");

        plan.Share(At(draft, 12));
        db.PlanVersions.Add(new PlanVersion { PlanId = plan.Id, ChildId = jordan.Id, Number = 1, Stage = PlanVersionStage.SharedWithFamily, Content = PlanContent.Of(plan, []).ToJson(), At = At(draft, 12), ByName = "Tom Hughes" });
        db.AuditEvents.Add(PlanChanges.Shared(tom, plan, At(draft, 12)));
        foreach (var line in plan.Lines)
        {
            db.PlanResponses.Add(new PlanResponse
            {
                PlanId = plan.Id, ChildId = jordan.Id, LineId = line.Id, LineRevision = line.Revision, PlanNumber = 1, Answer = PlanAnswer.Agree,
                ByUserId = jordanAccount.Id, ByName = "Jordan Reid", At = At(draft.AddDays(6), 19),
            });
        }

        db.AuditEvents.Add(PlanChanges.Answered(jordanActor, plan, plan.Lines.Count, 0, 0, At(draft.AddDays(6), 19)));
        foreach (var (line, days) in promises)
        {
            var commitment = Promise(db, plan, line, caseworker, tom, At(final, 15), "In the final EHC plan");
            AddDeliveries(db, commitment, days, final, monday, tom.UserId, "Tom Hughes", missed: null);
        }

        plan.Agree(At(final, 15), final, "AboutMe:1,HowToSupportMe:1");
        db.PlanVersions.Add(new PlanVersion { PlanId = plan.Id, ChildId = jordan.Id, Number = 1, Stage = PlanVersionStage.Agreed, Content = PlanContent.Of(plan, []).ToJson(), At = At(final, 15), ByName = "Tom Hughes" });
        db.AuditEvents.Add(PlanChanges.Agreed(tom, plan, At(final, 15)));
    }

    /// <summary>About me in the family's words, each section's first version written at <paramref name="at"/>.</summary>
    private static void WriteAboutMe(CommonGroundDbContext db, Child child, UserActor by, DateTime at, params (ProfileSectionKind Kind, string Text)[] sections)
    {
        foreach (var (kind, text) in sections)
        {
            var section = new ProfileSection { ChildId = child.Id, Section = kind };
            db.ProfileSections.Add(section);
            db.ProfileSectionVersions.Add(section.Change(text, by.UserId, by.Name, at)!);
            db.AuditEvents.Add(AuditEvent.ForChild(by, child.Id, child.AreaId, at,
                new ChildChange(AuditActions.ProfileChanged, kind.Area(), $"Changed \"{kind.Title()}\"", new ChangeSubject.AboutMeSection(kind))));
        }
    }

    /// <summary>An agreed provision line as the commitment it became, owned by its provider, as agreeing a plan records it.</summary>
    private static Commitment Promise(CommonGroundDbContext db, SupportPlan plan, PlanLine line, Professional provider, UserActor by, DateTime at, string reason)
    {
        var commitment = new Commitment
        {
            ChildId = plan.ChildId, AreaId = plan.AreaId, What = line.Text, RecordArea = line.Part.ToCommitmentArea(), Source = CommitmentSource.Plan, PlanId = plan.Id,
            OwnerProfessionalId = provider.Id, OwnerName = line.ProviderName!, OwnerOrganisationId = provider.OrganisationId, OwnerOrganisationName = line.ProviderOrganisationName!,
            Kind = CommitmentKind.Recurring, QuantityPerPeriod = line.Quantity, Unit = line.Unit, MinutesPerSession = line.MinutesPerSession, Period = line.Period,
            StartDate = line.StartDate, CreatedAt = at, CreatedByUserId = by.UserId, CreatedByName = by.Name,
        };
        commitment.ChangeStatus(CommitmentStatus.Agreed, reason, by.UserId, by.Name, at, DateOnly.FromDateTime(at));
        db.Commitments.Add(commitment);
        db.AuditEvents.Add(CommitmentSteps.Added(by, commitment, at));
        line.CommitmentId = commitment.Id;
        return commitment;
    }

    /// <summary>A delivery on each of <paramref name="days"/> (every weekday when null) from the start until last Friday, one of them missed.</summary>
    private static void AddDeliveries(CommonGroundDbContext db, Commitment commitment, DayOfWeek[]? days, DateOnly from, DateOnly monday, Guid by, string byName, DateOnly? missed)
    {
        for (var day = from; day < monday; day = day.AddDays(1))
        {
            if (day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday || (days is not null && !days.Contains(day.DayOfWeek)))
            {
                continue;
            }

            var delivered = missed is null || day < missed.Value || day >= missed.Value.AddDays(7);
            db.DeliveryRecords.Add(new DeliveryRecord
            {
                CommitmentId = commitment.Id, ChildId = commitment.ChildId, Date = day, Delivered = delivered, Quantity = delivered ? 1 : 0,
                DurationMinutes = delivered ? commitment.MinutesPerSession : null, MissedReason = delivered ? null : MissedReason.StaffAbsence,
                Note = delivered ? null : "Therapist off sick; a catch-up session is being arranged",
                RecordedByUserId = by, RecordedByName = byName, RecordedAt = day.ToDateTime(new TimeOnly(16, 0), DateTimeKind.Utc),
            });
        }
    }
}
