-- wrk: each request reads a different published article, picked at random among all of them (readers spread over
-- the archive, not one hot URL). BENCH_SLUGS: a file with one slug per line; the path is
-- BENCH_PREFIX .. slug .. BENCH_SUFFIX (e.g. /public/v1/articles/<slug>, or /articles/<slug>.json for nginx).
local slugs = {}
for line in io.lines(os.getenv("BENCH_SLUGS")) do slugs[#slugs + 1] = line end
local prefix, suffix = os.getenv("BENCH_PREFIX"), os.getenv("BENCH_SUFFIX") or ""
local counter = 0
function setup(thread) counter = counter + 1; thread:set("seed", counter) end
function init() math.randomseed(os.time() + seed) end
function request() return wrk.format("GET", prefix .. slugs[math.random(#slugs)] .. suffix) end
