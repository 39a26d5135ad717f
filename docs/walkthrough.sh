#!/usr/bin/env bash
# One application from submission to disbursement, through the HTTP API. Safe to run again: each run is a
# new household (a fresh citizen ID), and a refused call prints its error and stops the script.
set -euo pipefail
source "$(dirname "$0")/api.sh"
TODAY=$(TZ=Asia/Ho_Chi_Minh date +%F) # the server judges dates in Vietnam's time zone

# Reference data: programmes (with their step order), wards, groups of a ward
call GET /api/programs | json '.map(p => p.code + " " + p.stepOrder.join(" > ")).join("\n")'
call GET "/api/groups?ward=HOABINH" | json '.map(g => g.code + " " + g.associationCode + " " + g.memberCount).join("\n")'

# 1. The household's representative submits form 01/TD (poor-household programme). The citizen ID is new on
#    every run: 034 (province), 1 (a woman born in the 1900s), 85 (born 1985, as dateOfBirth says), 6 random digits.
CITIZEN=034185$(printf '%06d' $(((RANDOM * 32768 + RANDOM) % 1000000)))
ID=$(call POST /api/applications '' '{
  "programCode": "POOR", "wardCode": "HOABINH", "groupCode": "HOABINH-01", "householdCategory": "POOR",
  "village": "Thôn Đông",
  "borrower": { "fullName": "Nguyễn Thị Hoa", "citizenId": "'"$CITIZEN"'", "dateOfBirth": "1985-04-12",
                "phone": "0912345678", "email": "hoa.nguyen@example.vn" },
  "amount": 50000000, "termMonths": 36,
  "purpose": "Nuôi bò sinh sản",
  "usePlan": "Mua 2 con bò giống; trả lãi hằng tháng từ tiền bán bê con."
}' | json .id)
echo "application $ID (citizen ID $CITIZEN)"

# 2. Group review meeting, held today: the group leader takes the step and records the tally (10 members)
GROUP=$(login group.HOABINH-01)
call POST "/api/applications/$ID/steps/group-vote/start" "$GROUP" | json .currentStep
call POST "/api/applications/$ID/steps/group-vote/decision" "$GROUP" \
  '{"meetingDate":"'"$TODAY"'","membersTotal":10,"membersPresent":8,"votesFor":7,"votesAgainst":1,"abstentions":0}' |
  json .currentStep

# 3. The ward People's Committee certifies residence and the household category
WARD=$(login ward.HOABINH)
call POST "/api/applications/$ID/steps/ward-verification/start" "$WARD" | json .currentStep
call POST "/api/applications/$ID/steps/ward-verification/decision" "$WARD" \
  '{"outcome":"approve","residenceConfirmed":true,"listedCategory":"POOR"}' | json .currentStep

# 4. The Farmers' Union (the group's managing association) checks the dossier
ASSOC=$(login assoc.FARMERS.HOABINH)
call POST "/api/applications/$ID/steps/entrustment/start" "$ASSOC" | json .currentStep
call POST "/api/applications/$ID/steps/entrustment/decision" "$ASSOC" \
  '{"outcome":"approve","associationCode":"FARMERS","dossierComplete":true}' | json .currentStep

# 5. Bank approval, four eyes: the credit officer proposes amount and term, a manager confirms
BANK=$(login bank.officer)
call POST "/api/applications/$ID/steps/bank-approval/start" "$BANK" | json .currentStep
call POST "/api/applications/$ID/steps/bank-approval/decision" "$BANK" \
  '{"outcome":"approve","approvedAmount":50000000,"termMonths":36}' | json .proposal
MANAGER=$(login bank.manager)
call POST "/api/applications/$ID/steps/bank-approval/start" "$MANAGER" | json .currentStep
call POST "/api/applications/$ID/steps/bank-approval/decision" "$MANAGER" '{"outcome":"approve"}' | json .approved

# 6. Disbursement, today: the scheduled transaction day is in disbursementOn; paying on another day needs a reason
DAY=$(call GET "/api/applications/$ID" "$BANK" | json .disbursementOn)
echo "scheduled transaction day $DAY, paid today $TODAY"
call POST "/api/applications/$ID/steps/disbursement/start" "$BANK" | json .currentStep
call POST "/api/applications/$ID/steps/disbursement/decision" "$BANK" \
  '{"outcome":"approve","amount":50000000,"disbursedOn":"'"$TODAY"'","transactionPoint":"Điểm giao dịch xã Hòa Bình",
    "reason":"Giải ngân ngoài ngày giao dịch định kỳ của xã"}' | json .status

# The full record (status, every step, who decided, when) and what the applicant sees
call GET "/api/applications/$ID" "$BANK" |
  json '.history.map(h => h.seq + " " + h.type + " " + (h.step ?? "") + " " + (h.outcome ?? "") + " " + h.actor.username).join("\n")'
CODE=$(call GET "/api/applications/$ID" "$BANK" | json .code)
call GET "/api/status/$CODE?citizenIdLast4=${CITIZEN: -4}" | json .statusLabel
call GET "/api/applications/$ID/audit?format=csv" "$WARD" | sed -n 1,3p
