/**
 * The prior-authorization evidence packet (issue 15): per referral and region, the four LCD
 * readiness criteria with the answers and dates that decided them, the conservative care tried,
 * the pain and function scores, each diagnostic block with both verdicts, the LCD frequency counts
 * and what is still missing before the request can go out. Pure: records in, records out
 * ({@link io.spineintake.triage.priorauth.PacketAssembly}); the JSON route and the PDF function
 * both print what it assembles. No CPT descriptor text; code numbers only where the clinic
 * configures them ({@link io.spineintake.triage.priorauth.ProcedureCodes}).
 */
package io.spineintake.triage.priorauth;
