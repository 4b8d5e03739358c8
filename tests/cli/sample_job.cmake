# SPDX-License-Identifier: GPL-3.0-or-later
# SPDX-FileCopyrightText: RiskAtlas developers
# CTest fixtures: the sample job's steps, run once per ctest run into OUT, for the CLI tests that
# read their results (atlas, package). -DSTEP=results|atlas|package -DCLI=... -DDATA=sample-data/yongjia
# -DOUT=<build>/sample-out
function(run_step)
    execute_process(COMMAND ${ARGN} RESULT_VARIABLE code)
    if(NOT code EQUAL 0)
        string(REPLACE ";" " " line "${ARGN}")
        message(FATAL_ERROR "exit ${code}: ${line}")
    endif()
endfunction()

if(STEP STREQUAL "results")
    file(REMOVE_RECURSE "${OUT}/five_colour" "${OUT}/enterprises")
    file(MAKE_DIRECTORY "${OUT}")
    run_step("${CLI}" zone "${DATA}/five_colour_model.json" -o "${OUT}/five_colour")
    run_step("${CLI}" enterprises "${DATA}/enterprise_config.json" -o "${OUT}/enterprises"
             --compare "${DATA}/enterprises_2025H1.csv")
elseif(STEP STREQUAL "atlas")
    file(REMOVE_RECURSE "${OUT}/atlas")
    file(MAKE_DIRECTORY "${OUT}/atlas")
    run_step(env QT_QPA_PLATFORM=offscreen "${CLI}" atlas "${DATA}/atlas_config.json"
             -o "${OUT}/atlas/永嘉县图集.pdf" --results "${OUT}")
elseif(STEP STREQUAL "package")
    file(REMOVE_RECURSE "${OUT}/package")
    file(MAKE_DIRECTORY "${OUT}/package")
    run_step("${CLI}" package "${DATA}/package_config.json" -o "${OUT}/package/永嘉县成果包.zip"
             --results "${OUT}")
else()
    message(FATAL_ERROR "unknown STEP '${STEP}'")
endif()
