using CommonGround.Core.Access;
using CommonGround.Core.Accounts;
using CommonGround.Core.Audit;
using CommonGround.Core.Children;
using CommonGround.Core.Commitments;
using CommonGround.Core.Meetings;
using CommonGround.Core.Data;
using CommonGround.Core.Language;
using CommonGround.Core.Links;
using CommonGround.Core.Demo;
using CommonGround.Core.Notifications;
using CommonGround.Core.Organisations;
using CommonGround.Core.Profiles;
using CommonGround.Core.Team;
using CommonGround.Core.Time;
using CommonGround.Web.Api;
using CommonGround.Web.Infrastructure.GovUk;
using CommonGround.Web.Infrastructure.Jobs;
using CommonGround.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace CommonGround.Web.Infrastructure;

public static class Composition
{
    public static string DataFolder(this IConfiguration configuration, IHostEnvironment environment) =>
        configuration["Data:Folder"] is { Length: > 0 } folder
            ? Path.GetFullPath(folder, environment.ContentRootPath)
            : Path.Combine(environment.ContentRootPath, "App_Data");

    public static WebApplicationBuilder AddCommonGround(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        var configuration = builder.Configuration;
        var dataFolder = configuration.DataFolder(builder.Environment);

        services.TryAddSingleton(TimeProvider.System);
        services.AddHttpContextAccessor();
        services.AddCompressedResponses();
        services.Configure<ServiceOptions>(configuration.GetSection(ServiceOptions.Section));
        services.AddSingleton<PublicAddress>();
        services.AddNetworkEdge(configuration, builder.Environment);
        services.AddCommonGroundDatabase(configuration, dataFolder);

        services.AddProtectedKeys(configuration, dataFolder);

        // Over HTTPS (every real deployment) cookies are __Host- prefixed and Secure. A developer's machine serving
        // plain HTTP on loopback can opt out, or nobody could sign in there.
        var plainHttp = configuration.GetValue("Security:AllowPlainHttp", false);
        var cookies = new CookieNaming(plainHttp);
        AddAccounts(services, cookies);

        services.Configure<SecurityOptions>(configuration.GetSection("Security"));
        services.AddScoped<CurrentUser>();
        services.AddScoped<CspNonce>();
        services.AddScoped<TwoFactorGate>();
        services.AddScoped<ChildAccessFilter>();
        services.AddScoped<OnceOnlyForms>();
        services.AddScoped<IAuthorizationHandler, PersonRequirementHandler>();
        services.AddAuthorization(Policies.Add);

        services.Configure<EmailOptions>(configuration.GetSection("Email"));
        services.PostConfigure<EmailOptions>(o =>
        {
            if (string.IsNullOrWhiteSpace(o.PickupFolder))
            {
                o.PickupFolder = Path.Combine(dataFolder, "mail-pickup");
            }
        });
        services.AddScoped<IEmailTransport>(sp => sp.GetRequiredService<IOptions<EmailOptions>>().Value.Smtp.IsConfigured
            ? new SmtpTransport(sp.GetRequiredService<IOptions<EmailOptions>>())
            : new PickupFolderTransport(sp.GetRequiredService<IOptions<EmailOptions>>()));
        services.AddScoped<EmailOutbox>();
        services.AddScoped<Notifier>();
        services.AddScoped<NotificationService>();
        services.AddScoped<CalendarFeedService>();
        services.AddJob<NotificationEmailJob>(TimeSpan.FromSeconds(30));
        services.AddJob<EmailDeliveryJob>(TimeSpan.FromSeconds(10));
        services.AddJob<CommonGround.Core.Concerns.ConcernEscalationJob>(TimeSpan.FromMinutes(5));
        services.AddJob<CommonGround.Core.Attention.AttentionJob>(TimeSpan.FromMinutes(15));
        services.AddJob<OwedOrderJob>(TimeSpan.FromMinutes(1));
        services.AddJob<CommonGround.Core.DataRights.RecordExportJob>(TimeSpan.FromSeconds(10));
        services.AddJob<CommonGround.Core.DataRights.RetentionJob>(TimeSpan.FromHours(1));
        services.AddScoped<CommonGround.Core.DataRights.RecordErasure>();
        services.AddJob<CommonGround.Core.DataRights.UnusedAccountJob>(TimeSpan.FromHours(1));
        services.AddJob<DatabaseStatisticsJob>(TimeSpan.FromHours(6));
        services.AddScoped<CommonGround.Core.DataRights.AccountDeletion>();
        services.AddScoped<CommonGround.Core.DataRights.RecordClosureService>();
        if (configuration.GetValue("Jobs:Enabled", true))
        {
            services.AddHostedService<JobScheduler>();
        }

        services.AddScoped<AuditLog>();
        services.AddScoped<AccountService>();
        services.AddScoped<OrganisationService>();
        services.AddScoped<ChildService>();
        services.AddScoped<AccessService>();
        services.AddScoped<EmergencyAccessService>();
        services.AddScoped<CommonGround.Core.DataRights.CorrectionService>();
        services.AddScoped<CommonGround.Core.DataRights.ErasureService>();
        services.AddScoped<CommonGround.Core.DataRights.ClosedRecords>();
        services.AddScoped<ChildReadLog>();
        services.AddSingleton<AccessLogWriter>();
        services.AddScoped<CommonGround.Core.DataRights.ChildRecordReader>();
        services.AddScoped<CommonGround.Core.DataRights.PersonRecordReader>();
        services.AddScoped<CommonGround.Core.DataRights.RecordExportService>();
        services.AddScoped<WhatIsNewService>();
        services.AddScoped<FamilySharingService>();
        services.AddScoped<KeyWorkerHandover>();
        services.AddScoped<LeaversWork>();
        services.AddScoped<HandoverService>();
        services.AddScoped<CoverService>();
        services.AddScoped<SettingMoveService>();
        services.AddScoped<TeamService>();
        services.AddScoped<AccessRequestService>();
        services.AddScoped<ProfileService>();
        services.AddScoped<ShareLinkService>();
        services.AddScoped<TermDateService>();
        services.AddScoped<CommitmentService>();
        services.AddScoped<CommitmentSteps>();
        services.AddScoped<CommitmentChangeService>();
        services.AddScoped<CommonGround.Core.Plans.PlanService>();
        services.AddScoped<CommonGround.Core.Plans.PlanLineService>();
        services.AddScoped<CommonGround.Core.Plans.PlanSteps>();
        services.AddScoped<CommonGround.Core.Plans.PlanSharingService>();
        services.AddScoped<CommonGround.Core.Plans.PlanAgreementService>();
        services.AddScoped<CommonGround.Core.Plans.PlanReviewService>();
        services.AddScoped<CommonGround.Core.Documents.IDocumentStore, CommonGround.Core.Documents.DatabaseDocumentStore>();
        services.AddScoped<CommonGround.Core.Documents.DocumentService>();
        services.AddScoped<CommonGround.Core.Advice.AdviceService>();
        services.AddScoped<CommonGround.Core.Advice.RecommendationService>();
        services.AddScoped<CommonGround.Core.Advice.MissedAppointmentService>();
        services.AddScoped<DeliveryService>();
        services.AddScoped<CommonGround.Core.Concerns.ConcernService>();
        services.AddScoped<CommonGround.Core.Concerns.ConcernStepService>();
        services.AddScoped<CommonGround.Core.Concerns.ConcernEscalation>();
        services.AddScoped<CommonGround.Core.Concerns.ConcernDisputes>();
        services.AddScoped<CommonGround.Core.Concerns.ConcernInboxService>();
        services.AddScoped<CommonGround.Core.Concerns.ConversationService>();
        services.AddScoped<CommonGround.Core.Attention.AttentionSignals>();
        services.AddSingleton<CommonGround.Core.Attention.AttentionRefresher>();
        services.AddScoped<CommonGround.Core.Attention.StatutoryWarnings>();
        services.AddScoped<CommonGround.Core.Attention.AttentionService>();
        services.AddScoped<CommonGround.Core.Attention.WhatIsHappeningService>();
        services.AddScoped<CommonGround.Core.Attention.YourDayService>();
        services.AddScoped<MeetingService>();
        services.AddScoped<MeetingSteps>();
        services.AddScoped<MeetingSchedulingService>();
        services.AddScoped<MeetingRecordService>();
        services.AddScoped<MeetingFeedbackService>();
        services.AddScoped<CommonGround.Core.Statutory.StatutoryService>();
        services.AddScoped<CommonGround.Core.Statutory.TimelinessService>();
        services.AddScoped<DemoData>();
        services.AddSingleton(_ => LanguageAdvisorFrom(configuration));
        // The sentence model takes a few seconds to load and learn: do it beside start-up, not in the first writer's save.
        services.AddHostedService<LanguageAdvisorWarmUp>();
        services.AddScoped<LanguageAdvice>();
        services.AddProblemDetails();
        services.AddOpenApi(options => options.AddDocumentTransformer((document, _, _) =>
        {
            document.Info.Title = "CommonGround API";
            document.Info.Description = "Public endpoints of CommonGround. They need no sign-in and store nothing.";
            return Task.CompletedTask;
        }));

        services.AddRazorPages(options =>
        {
            // Every page needs a signed-in person unless it says [AllowAnonymous]; an unknown address is still a plain 404.
            options.Conventions.AuthorizeFolder("/");
            // Staff reach no child's data until they have set up two-factor authentication, on any page not marked otherwise.
            options.Conventions.ConfigureFilter(new ServiceFilterAttribute(typeof(TwoFactorGate)));
            // A form sent twice (a double click) does its work once; the second sending is shown where the first led.
            options.Conventions.ConfigureFilter(new ServiceFilterAttribute(typeof(OnceOnlyForms)));
            options.Conventions.ConfigureFilter(new ServiceFilterAttribute(typeof(RestoreKeptForm)));
            Pages.Admin.Conventions.Apply(options.Conventions);
            Pages.Children.Conventions.Apply(options.Conventions);
            Pages.Organisation.Conventions.Apply(options.Conventions);
        })
        .AddMvcOptions(options =>
        {
            options.ModelBinderProviders.Insert(0, new DateOnlyModelBinderProvider());
            options.ModelBinderProviders.Insert(0, new NumberModelBinderProvider());
            options.ModelBinderProviders.Insert(0, new Validation.TextModelBinderProvider());
            options.Filters.Add(new UnknownHandlerFilter());
            // A choice sent that the form never offered (a stale or hand-made form) is answered in plain words.
            options.ModelBindingMessageProvider.SetAttemptedValueIsInvalidAccessor((_, field) => $"Choose one of the options for {field}");
            options.ModelBindingMessageProvider.SetNonPropertyAttemptedValueIsInvalidAccessor(_ => "Choose one of the options offered");
            options.ModelBindingMessageProvider.SetValueIsInvalidAccessor(field => $"Choose one of the options for {field}");
        })
        .AddCookieTempDataProvider(options =>
        {
            options.Cookie.Name = cookies.Name("CommonGround-Messages");
            options.Cookie.SecurePolicy = cookies.SecurePolicy;
            options.Cookie.SameSite = SameSiteMode.Lax;
        });
        services.AddAntiforgery(options =>
        {
            options.Cookie.Name = cookies.Name("CommonGround-Antiforgery");
            options.Cookie.SecurePolicy = cookies.SecurePolicy;
            options.Cookie.SameSite = SameSiteMode.Strict;
            options.FormFieldName = "__RequestVerificationToken";
        });
        services.AddHsts(options =>
        {
            options.MaxAge = TimeSpan.FromDays(365);
            options.IncludeSubDomains = true;
        });
        services.AddRateLimiter(RateLimits.Add);
        services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database");
        services.AddRouting(options => options.LowercaseUrls = true);
        return builder;
    }

    private static void AddAccounts(IServiceCollection services, CookieNaming cookieNaming)
    {
        services.AddScoped<TotpAuthenticator>();
        services.AddScoped<SessionService>();
        services.AddScoped<SignInThrottle>();
        services.AddScoped<EvenTiming>();
        services.AddScoped<KeptForms>();
        services.AddScoped<RestoreKeptForm>();
        services.AddSingleton<DatabaseTicketStore>();
        services.AddSingleton<IPostConfigureOptions<CookieAuthenticationOptions>, UseDatabaseTicketStore>();
        services.AddScoped<ExpiringLinkTokens>();
        services.Configure<PasswordHasherOptions>(o => o.IterationCount = 210_000);
        services.AddAuthentication(IdentityConstants.ApplicationScheme).AddIdentityCookies(cookies =>
        {
            cookies.ApplicationCookie?.Configure(o =>
            {
                o.Cookie.Name = cookieNaming.Name("CommonGround");
                o.Cookie.SecurePolicy = cookieNaming.SecurePolicy;
                o.Cookie.HttpOnly = true;
                o.Cookie.SameSite = SameSiteMode.Lax;
                o.ExpireTimeSpan = SessionLifetime.Idle;
                o.SlidingExpiration = true;
                o.LoginPath = "/sign-in";
                o.LogoutPath = "/sign-out";
                o.AccessDeniedPath = "/error/403";
                o.Events.OnSigningIn = SessionLifetime.OnSigningIn;
                o.Events.OnValidatePrincipal = SessionLifetime.OnValidatePrincipal;
                var sendToSignIn = o.Events.OnRedirectToLogin;
                o.Events.OnRedirectToLogin = context => KeptForms.OnRedirectToLogin(context, sendToSignIn);
            });
            cookies.TwoFactorUserIdCookie?.Configure(o =>
            {
                o.Cookie.Name = cookieNaming.Name("CommonGround-TwoFactor");
                o.Cookie.SecurePolicy = cookieNaming.SecurePolicy;
                o.Cookie.SameSite = SameSiteMode.Lax;
                o.ExpireTimeSpan = TimeSpan.FromMinutes(5);
            });
            cookies.TwoFactorRememberMeCookie?.Configure(o =>
            {
                o.Cookie.Name = cookieNaming.Name("CommonGround-RememberDevice");
                o.Cookie.SecurePolicy = cookieNaming.SecurePolicy;
            });
            cookies.ExternalCookie?.Configure(o =>
            {
                o.Cookie.Name = cookieNaming.Name("CommonGround-External");
                o.Cookie.SecurePolicy = cookieNaming.SecurePolicy;
            });
        });
        foreach (var scheme in new[] { IdentityConstants.ApplicationScheme, IdentityConstants.TwoFactorUserIdScheme, IdentityConstants.TwoFactorRememberMeScheme, IdentityConstants.ExternalScheme })
        {
            // Session expiry reads the same clock as everything else.
            services.AddOptions<CookieAuthenticationOptions>(scheme).PostConfigure<TimeProvider>((o, time) => o.TimeProvider = time);
        }

        services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = TimeSpan.FromSeconds(60));
        services.AddOptions<SecurityStampValidatorOptions>().PostConfigure<TimeProvider>((o, time) => o.TimeProvider = time);

        services.AddIdentityCore<UserAccount>(o =>
            {
                o.User.RequireUniqueEmail = true;
                o.SignIn.RequireConfirmedEmail = true;
                o.Password.RequiredLength = PasswordRules.MinimumLength;
                o.Password.RequireDigit = false;
                o.Password.RequireLowercase = false;
                o.Password.RequireUppercase = false;
                o.Password.RequireNonAlphanumeric = false;
                o.Password.RequiredUniqueChars = 1;
                o.Lockout.AllowedForNewUsers = true;
                o.Lockout.MaxFailedAccessAttempts = 5;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                o.Tokens.AuthenticatorTokenProvider = TotpAuthenticator.ProviderName;
                o.Tokens.PasswordResetTokenProvider = ExpiringLinkTokens.ProviderName;
                o.Tokens.EmailConfirmationTokenProvider = ExpiringLinkTokens.ProviderName;
                o.Tokens.ChangeEmailTokenProvider = ExpiringLinkTokens.ProviderName;
            })
            .AddUserStore<ProtectedUserStore>()
            .AddSignInManager<CommonGroundSignInManager>()
            .AddErrorDescriber<PlainEnglishIdentityErrors>()
            .AddPasswordValidator<PasswordRules>()
            .AddTokenProvider<TotpAuthenticator>(TotpAuthenticator.ProviderName)
            .AddTokenProvider<ExpiringLinkTokens>(ExpiringLinkTokens.ProviderName);
    }

    /// <summary>Migrates the database (unless switched off) and adds the demo data where asked.</summary>
    public static async Task PrepareDatabaseAsync(this WebApplication app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CommonGroundDbContext>();
        var logger = scope.ServiceProvider.GetRequiredService<ILogger<CommonGroundDbContext>>();
        if (app.Configuration.GetValue("Database:MigrateOnStart", true))
        {
            await DatabaseSetup.MigrateAsync(db, logger);
        }

        await FirstDaysBehind.KeepMissingAsync(db);

        if (app.Configuration.GetValue("Demo:Seed", app.Environment.IsDevelopment())
            && await scope.ServiceProvider.GetRequiredService<DemoData>().SeedIfEmptyAsync(app.Configuration.GetValue("Demo:History", true)))
        {
            // The demo's early warnings (a missed legal date, a team without a key worker) are there on first sign-in.
            var children = await db.Children.Select(c => c.Id).ToListAsync();
            await scope.ServiceProvider.GetRequiredService<CommonGround.Core.Attention.AttentionSignals>().RefreshAsync(children);
            logger.LogInformation("Added the demo data. Every demo account's password is {Password}", DemoData.Password);
        }

        // Every commitment's place on What I owe from the first page shown (the migration that added it left none placed).
        await OwedOrders.KeepAsync(db, scope.ServiceProvider.GetRequiredService<TimeProvider>().TodayInUk());
    }

    public static WebApplication UseCommonGround(this WebApplication app)
    {
        app.UseMiddleware<SecurityHeadersMiddleware>();
        app.UseNetworkEdge();
        app.UseResponseCompression();
        // The JSON API answers every error with problem details; pages answer with a page a person can read.
        static bool IsApi(HttpContext context) => context.Request.Path.StartsWithSegments("/api");
        app.UseWhen(IsApi, api =>
        {
            api.UseExceptionHandler();
            api.UseStatusCodePages();
        });
        app.UseWhen(context => !IsApi(context), pages =>
        {
            pages.UseExceptionHandler("/error/500");
            pages.UseStatusCodePagesWithReExecute("/error/{0}");
        });
        if (!app.Environment.IsDevelopment())
        {
            app.UseHsts();
        }

        app.UseMiddleware<UnreadableForms>();

        app.UseStaticFiles(new StaticFileOptions { OnPrepareResponse = CompressedResponses.CacheStaticFile });
        app.UseRouting();
        app.UseRateLimiter();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseMiddleware<ChildReadLogging>();
        app.MapHealthChecks("/health").AllowAnonymous();
        app.MapRazorPages();
        app.MapLanguageEndpoints();
        app.MapTimescaleEndpoints();
        app.MapProgressEndpoints();
        app.MapCalendarFeedEndpoints();
        app.MapOpenApi("/api/openapi/{documentName}.json").AllowAnonymous();
        return app;
    }

    /// <summary>
    /// The built-in vocabulary, plus the deployment's own terms when <c>Language:AdditionalTermsFile</c> names a file; and
    /// the semantic stage, learnt from the built-in examples plus the deployment's own when
    /// <c>Language:AdditionalExamplesFile</c> names a CSV file. <c>Language:SemanticStage</c> false leaves the rules alone.
    /// </summary>
    private static RespectfulLanguageAdvisor LanguageAdvisorFrom(IConfiguration configuration)
    {
        var vocabulary = configuration["Language:AdditionalTermsFile"] is { Length: > 0 } termsPath
            ? LanguageVocabulary.BuiltIn.With(LanguageVocabulary.Parse(File.ReadAllText(termsPath)))
            : LanguageVocabulary.BuiltIn;
        if (!configuration.GetValue("Language:SemanticStage", true))
        {
            return new RespectfulLanguageAdvisor(vocabulary);
        }

        var semantic = configuration["Language:AdditionalExamplesFile"] is { Length: > 0 } examplesPath
            ? SemanticLanguageStage.Train(MiniLmSentenceEmbedder.Shared,
                [.. LanguageExample.BuiltIn, .. LanguageExample.Parse(File.ReadAllText(examplesPath), examplesPath)])
            : SemanticLanguageStage.BuiltIn;
        return new RespectfulLanguageAdvisor(vocabulary, semantic);
    }

    /// <summary>Cookie names and flags: __Host- and Secure over HTTPS; plain names only where plain HTTP is allowed.</summary>
    private sealed record CookieNaming(bool AllowPlainHttp)
    {
        public CookieSecurePolicy SecurePolicy => AllowPlainHttp ? CookieSecurePolicy.SameAsRequest : CookieSecurePolicy.Always;

        public string Name(string name) => AllowPlainHttp ? name : $"__Host-{name}";
    }
}
