-- wrk 4.1 script for bench/serve.sh: a fixed number of requests to
-- `baocao serve`, then wrk stops by itself.
--   wrk -t T -c C -d BOUND --timeout 60s -s bench/serve.lua URL -- \
--       MODE TOTAL T REPORT BAD MARKERS
-- MODE build: every request is POST /v1/build of REPORT (the PDF).
-- MODE mix:   a cycle of 20: 12 PDFs, 1 PNG page, 1 DOCX, 3 /v1/check,
--             1 /v1/preview, and BAD (a report with an error, answered 422)
--             twice, to /v1/build and to /v1/check.
-- TOTAL requests are shared among the T threads. wrk 4.1 runs for a duration,
-- so the count is kept here: delay() lets a connection send only while its
-- thread's share is not all sent (then it idles), response() counts the
-- answers, and the thread stops (wrk.thread:stop()) at its share. wrk's main
-- thread sleeps for the whole -d even then, so the last thread to finish
-- wakes it with SIGINT (what wrk itself takes as "stop now"), through
-- LuaJIT's FFI; -d stays as the bound should anything go wrong.
-- done() prints one line, "serve.lua: key=value ...", that serve.sh reads.

local threads = {}
local count = 0

function setup(thread)
   thread:set("id", count)
   count = count + 1
   table.insert(threads, thread)
end

local function slurp(path)
   local f = assert(io.open(path, "rb"))
   local s = f:read("*a")
   f:close()
   return s
end

local function post(path, body)
   return wrk.format("POST", path, {["Content-Type"] = "application/yaml"}, body)
end

function init(args)
   local mode, total, nthreads = args[1], tonumber(args[2]), tonumber(args[3])
   local good, bad = slurp(args[4]), slurp(args[5])
   markers = args[6]
   nthreads_all = nthreads
   share = math.floor(total / nthreads) + ((id < total % nthreads) and 1 or 0)
   sent, got = 0, 0
   statuses = {}
   bad_sent = 0
   local pdf = post("/v1/build", good)
   if mode == "build" then
      cycle, broken = {pdf}, {}
   else
      local check = post("/v1/check", good)
      cycle = {pdf, pdf, pdf, check, pdf, pdf, post("/v1/build", bad), pdf,
               post("/v1/build?format=png&page=2&dpi=72", good), check, pdf, pdf,
               post("/v1/preview", good), pdf, check, post("/v1/check", bad), pdf,
               post("/v1/build?format=docx", good), pdf, pdf}
      broken = {[7] = true, [16] = true} -- the places of BAD in the cycle
   end
   -- Threads start at different points of the cycle, so the mix holds at any count.
   position = (id * 7) % #cycle
end

function delay()
   if sent >= share then
      return 3600 * 1000 -- this thread's share is all sent: idle until it stops
   end
   sent = sent + 1
   return 0
end

function request()
   position = position % #cycle + 1
   if broken[position] then bad_sent = bad_sent + 1 end
   return cycle[position]
end

local function wake_main_thread()
   local ok, ffi = pcall(require, "ffi")
   if not ok then return end -- then -d ends the run
   ffi.cdef [[
      int getpid(void);
      int tgkill(int tgid, int tid, int sig);
   ]]
   local pid = ffi.C.getpid()
   ffi.C.tgkill(pid, pid, 2) -- SIGINT to wrk's main thread (its tid is the pid)
end

function response(status, headers, body)
   got = got + 1
   local key = tostring(status)
   statuses[key] = (statuses[key] or 0) + 1
   if got == share then
      wrk.thread:stop()
      local f = io.open(markers .. "/" .. id, "w")
      if f then f:close() end
      for i = 0, nthreads_all - 1 do
         local m = io.open(markers .. "/" .. i, "r")
         if not m then return end -- another thread is still at work: it wakes wrk
         m:close()
      end
      wake_main_thread()
   end
end

function done(summary, latency, requests)
   local all, non200, got_all, shares, bad = {}, 0, 0, 0, 0
   for _, thread in ipairs(threads) do
      got_all = got_all + (thread:get("got") or 0)
      bad = bad + (thread:get("bad_sent") or 0)
      shares = shares + (thread:get("share") or 0)
      for status, n in pairs(thread:get("statuses") or {}) do
         all[status] = (all[status] or 0) + n
         if status ~= "200" then non200 = non200 + n end
      end
   end
   local keys = {}
   for status in pairs(all) do table.insert(keys, status) end
   table.sort(keys)
   local list = {}
   for _, status in ipairs(keys) do table.insert(list, status .. ":" .. all[status]) end
   local e = summary.errors
   local seconds = summary.duration / 1e6
   io.write(string.format(
      "serve.lua: asked=%d answered=%d seconds=%.3f rps=%.2f p50_ms=%.1f p99_ms=%.1f " ..
      "max_ms=%.1f non200=%d statuses=%s bad_sent=%d socket_errors=%d/%d/%d/%d\n",
      shares, got_all, seconds, got_all / seconds, latency:percentile(50) / 1000,
      latency:percentile(99) / 1000, latency.max / 1000, non200, table.concat(list, ","), bad,
      e.connect, e.read, e.write, e.timeout))
end
